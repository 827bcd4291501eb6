// The bench's models in jax-js: W1/W2's MLP and W3's CNN (src/model/cnn.ts's network), with the
// same layer sizes and init scales as the other engines' rows, and softmax cross-entropy.
import { lax, nn, numpy as np, valueAndGrad } from '@jax-js/jax';
import { createRng } from '../../../src/data/rng.ts';
import type { Workload } from '../../workloads.ts';

/** Weights and biases in layer order; with several models each has a leading model axis. */
export type JaxParams = np.Array[];

const KERNEL = 3;

/** Each layer's weight shape, its init limit and its bias shape, in order. */
function layerShapes(workload: Workload): { w: number[]; limit: number; b: number[] }[] {
  const { sizes, cnn } = workload;
  if (!cnn) return sizes.slice(1).map((fanOut, l) => ({ w: [sizes[l], fanOut], limit: Math.sqrt(6 / (sizes[l] + fanOut)), b: [fanOut] }));
  let { channels, height, width } = cnn.image;
  // He-uniform like src/model/init.ts for the relu convolutions (OIHW, as lax.conv wants), Glorot for the logits.
  const convs = cnn.filters.map((filters) => {
    const layer = { w: [filters, channels, KERNEL, KERNEL], limit: Math.sqrt(6 / (channels * KERNEL * KERNEL)), b: [filters, 1, 1] };
    [channels, height, width] = [filters, Math.floor(height / 2), Math.floor(width / 2)];
    return layer;
  });
  const features = channels * height * width;
  const classes = sizes[sizes.length - 1];
  return [...convs, { w: [features, classes], limit: Math.sqrt(6 / (features + classes)), b: [classes] }];
}

/** Fresh parameters for one model per seed (uniform weights, zero biases), stacked when there are several. */
export function createJaxParams(workload: Workload, seeds: number[]): JaxParams {
  const shapes = layerShapes(workload);
  const perModel = seeds.map((seed) => {
    const rng = createRng(seed);
    return shapes.map(({ w, limit }) => Float32Array.from({ length: w.reduce((a, b) => a * b, 1) }, () => (2 * rng.next() - 1) * limit));
  });
  const stacked = (shape: number[]) => (seeds.length > 1 ? [seeds.length, ...shape] : shape);
  return shapes.flatMap(({ w, b }, l) => {
    const weights = new Float32Array(perModel.length * perModel[0][l].length);
    perModel.forEach((model, m) => weights.set(model[l], m * model[l].length));
    return [np.array(weights, { shape: stacked(w) }), np.zeros(stacked(b))];
  });
}

/** valueAndGrad of the workload's mean softmax cross-entropy over (params, x rows, one-hot targets). */
export function jaxLoss(workload: Workload) {
  const forward = workload.cnn ? cnnForward(workload) : mlpForward(workload);
  return {
    valueAndGrad: valueAndGrad((params: JaxParams, x: np.Array, targets: np.Array) => {
      const rows = x.shape[0];
      return nn.logSoftmax(forward(params, x), -1).mul(targets).sum().mul(-1 / rows);
    }),
  };
}

function mlpForward(workload: Workload) {
  const act = workload.activation === 'relu' ? nn.relu : np.tanh;
  return (params: JaxParams, x: np.Array): np.Array => {
    let h = x;
    for (let l = 0; l < params.length; l += 2) {
      const z = np.dot(h, params[l]).add(params[l + 1]);
      h = l + 2 < params.length ? act(z) : z;
    }
    return h;
  };
}

function cnnForward(workload: Workload) {
  const { image } = workload.cnn!;
  return (params: JaxParams, x: np.Array): np.Array => {
    const rows = x.shape[0];
    let h = x.reshape([rows, image.channels, image.height, image.width]);
    for (let l = 0; l < params.length - 2; l += 2) {
      const z = nn.relu(lax.conv(h, params[l], [1, 1], 'SAME').add(params[l + 1]));
      h = lax.reduceWindow(z, np.max, [2, 2], [2, 2]);
    }
    const flat = h.reshape([rows, -1]);
    return np.dot(flat, params[params.length - 2]).add(params[params.length - 1]);
  };
}
