// The floor for the CPU backend: an MLP trained by straight Float32Array loops in one
// closure, no ops, no tensors; batch gathered through the shuffled order; softmax
// cross-entropy; SGD (no momentum) or Adam. Its results are not checked: only its speed is used.
import { createRng } from '../src/data/rng.ts';
import type { TrainHyper } from '../src/model/types.ts';

export function createPlainMlp(sizes: number[], activation: 'tanh' | 'relu', seed: number) {
  const rng = createRng(seed);
  const layers = sizes.length - 1;
  const w = sizes.slice(1).map((out, l) => Float32Array.from({ length: sizes[l] * out }, () => (2 * rng.next() - 1) * Math.sqrt(6 / (sizes[l] + out))));
  const b = sizes.slice(1).map((out) => new Float32Array(out));
  const gw = w.map((m) => new Float32Array(m.length));
  const gb = b.map((v) => new Float32Array(v.length));
  const state = [...w, ...b].map((p) => ({ m: new Float32Array(p.length), v: new Float32Array(p.length) }));
  const maxBatch = 1024;
  const act = sizes.map((size) => new Float32Array(maxBatch * size));
  const delta = sizes.map((size) => new Float32Array(maxBatch * size));
  let t = 0;

  function forward(rows: number) {
    for (let l = 0; l < layers; l++) {
      const n = sizes[l], m = sizes[l + 1], x = act[l], y = act[l + 1], W = w[l], B = b[l];
      const last = l === layers - 1;
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < m; j++) y[r * m + j] = B[j];
        for (let p = 0; p < n; p++) {
          const a = x[r * n + p];
          for (let j = 0; j < m; j++) y[r * m + j] += a * W[p * m + j];
        }
        if (last) continue;
        if (activation === 'tanh') for (let j = 0; j < m; j++) y[r * m + j] = Math.tanh(y[r * m + j]);
        else for (let j = 0; j < m; j++) if (y[r * m + j] < 0) y[r * m + j] = 0;
      }
    }
  }

  function lossGradient(labels: Int32Array, order: Int32Array, start: number, rows: number) {
    const c = sizes[layers], z = act[layers], d = delta[layers];
    for (let r = 0; r < rows; r++) {
      let max = -Infinity, sum = 0;
      for (let j = 0; j < c; j++) max = Math.max(max, z[r * c + j]);
      for (let j = 0; j < c; j++) sum += (d[r * c + j] = Math.exp(z[r * c + j] - max));
      for (let j = 0; j < c; j++) d[r * c + j] = (d[r * c + j] / sum - (labels[order[start + r]] === j ? 1 : 0)) / rows;
    }
  }

  const tanh = activation === 'tanh';
  function backward(rows: number) {
    for (let l = layers - 1; l >= 0; l--) {
      const n = sizes[l], m = sizes[l + 1], x = act[l], d = delta[l + 1], W = w[l], GW = gw[l], GB = gb[l];
      GW.fill(0);
      GB.fill(0);
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < m; j++) GB[j] += d[r * m + j];
        for (let p = 0; p < n; p++) {
          const a = x[r * n + p];
          for (let j = 0; j < m; j++) GW[p * m + j] += a * d[r * m + j];
        }
      }
      if (l === 0) break;
      const dx = delta[l];
      for (let r = 0; r < rows; r++) {
        for (let p = 0; p < n; p++) {
          let s = 0;
          for (let j = 0; j < m; j++) s += d[r * m + j] * W[p * m + j];
          const y = x[r * n + p];
          dx[r * n + p] = tanh ? s * (1 - y * y) : y > 0 ? s : 0;
        }
      }
    }
  }

  function update(hyper: TrainHyper) {
    t++;
    const params = [...w, ...b], grads = [...gw, ...gb];
    const c1 = 1 - Math.pow(0.9, t), c2 = 1 - Math.pow(0.999, t);
    for (let q = 0; q < params.length; q++) {
      const p = params[q], g = grads[q], { m, v } = state[q];
      if (hyper.optimizer === 'sgd') {
        for (let i = 0; i < p.length; i++) p[i] -= hyper.lr * g[i];
      } else {
        for (let i = 0; i < p.length; i++) {
          m[i] = 0.9 * m[i] + 0.1 * g[i];
          v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
          p[i] -= (hyper.lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
        }
      }
    }
  }

  return {
    trainEpoch(x: Float32Array, labels: Int32Array, order: Int32Array, hyper: TrainHyper) {
      const dim = sizes[0];
      for (let start = 0; start < order.length; start += hyper.batch) {
        const rows = Math.min(hyper.batch, order.length - start);
        const input = act[0];
        for (let r = 0; r < rows; r++) {
          const from = order[start + r] * dim;
          for (let c = 0; c < dim; c++) input[r * dim + c] = x[from + c];
        }
        forward(rows);
        lossGradient(labels, order, start, rows);
        backward(rows);
        update(hyper);
      }
    },
  };
}
