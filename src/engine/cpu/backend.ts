import { EngineError, VIEW_ALIGN, type Backend, type BackendInfo, type IndexTensor, type Tensor } from '../backend.ts';
import { activationBackward } from './activation.ts';
import { conv2d, conv2dInputGrad, conv2dWeightGrad } from './conv.ts';
import { dense } from './dense.ts';
import { gather } from './gather.ts';
import { matmul } from './matmul.ts';
import { addNoise, dropout } from './noise.ts';
import { adamStep, sgdStep } from './optimizer.ts';
import { maxPool, maxPoolBackward } from './pool.ts';
import { sumRows } from './reduce.ts';
import { classify, softmax, softmaxCrossEntropy } from './softmaxCrossEntropy.ts';
import { CpuIndexTensor, CpuTensor, floats, indices } from './tensor.ts';

const CPU_INFO: BackendInfo = {
  kind: 'cpu',
  adapter: 'CPU (JavaScript)',
  reason: 'Plain TypeScript over Float32Array: runs everywhere, and is the fastest for tiny models.',
};

/** The reference backend: every op runs at once, in plain TypeScript loops over Float32Array. */
export function createCpuBackend(reason: string = CPU_INFO.reason): Backend {
  const info: BackendInfo = { ...CPU_INFO, reason };
  return {
    info,
    createTensor: (size, label) => new CpuTensor(new Float32Array(checkedSize(size, label)), label),
    createIndexTensor: (size, label) => new CpuIndexTensor(new Int32Array(checkedSize(size, label)), label),
    view(tensor, offset, size, label) {
      const data = floats(tensor);
      if (offset % VIEW_ALIGN !== 0) throw new EngineError(`View "${label}" starts at ${offset}, not a multiple of ${VIEW_ALIGN} floats.`);
      if (offset < 0 || size < 0 || offset + size > data.length) {
        throw new EngineError(`View "${label}" [${offset}, ${offset + size}) does not fit in a tensor of ${data.length} floats.`);
      }
      return new CpuTensor(data.subarray(offset, offset + size), label);
    },
    write: (tensor, data, offset = 0) => floats(tensor).set(data, offset),
    writeIndices: (tensor, data, offset = 0) => indices(tensor).set(data, offset),
    fill: (tensor, value) => void floats(tensor).fill(value),
    read: (tensor, count) => Promise.resolve(floats(tensor).slice(0, count)),
    // Garbage collection frees CPU tensors; these exist for the WebGPU backend's sake.
    destroy: (tensor: Tensor | IndexTensor) => void tensor,
    dispose: () => undefined,

    gather: (src, dim, index, indexOffset, rows, out) => gather(floats(src), dim, indices(index), indexOffset, rows, floats(out)),
    matmul: (a, b, out, m, k, n, transpose, accumulate) => matmul(floats(a), floats(b), floats(out), m, k, n, transpose, accumulate),
    dense: (x, w, b, out, rows, inDim, outDim, activation) =>
      dense(floats(x), floats(w), floats(b), floats(out), rows, inDim, outDim, activation),
    activationBackward: (y, dy, dx, count, activation) => activationBackward(floats(y), floats(dy), floats(dx), count, activation),
    dropout: (x, out, count, rate, seed, counter) => dropout(floats(x), floats(out), count, rate, seed, counter),
    dropoutBackward: (dy, dx, count, rate, seed, counter) => dropout(floats(dy), floats(dx), count, rate, seed, counter),
    addNoise: (x, count, std, seed, counter) => addNoise(floats(x), count, std, seed, counter),
    softmaxCrossEntropy: (logits, targets, weights, rows, classes, dLogits, stats) =>
      softmaxCrossEntropy(floats(logits), floats(targets), floats(weights), rows, classes, floats(dLogits), floats(stats)),
    softmax: (logits, rows, classes, probs, probsRow) => softmax(floats(logits), rows, classes, floats(probs), probsRow),
    classify: (logits, rows, classes, out, outRow) => classify(floats(logits), rows, classes, floats(out), outRow),
    conv2d: (x, w, b, out, rows, shape, activation) => conv2d(floats(x), floats(w), floats(b), floats(out), rows, shape, activation),
    conv2dInputGrad: (dy, w, dx, rows, shape) => conv2dInputGrad(floats(dy), floats(w), floats(dx), rows, shape),
    conv2dWeightGrad: (x, dy, dw, db, rows, shape) => conv2dWeightGrad(floats(x), floats(dy), floats(dw), floats(db), rows, shape),
    maxPool: (x, out, rows, shape) => maxPool(floats(x), floats(out), rows, shape),
    maxPoolBackward: (x, dy, dx, rows, shape) => maxPoolBackward(floats(x), floats(dy), floats(dx), rows, shape),
    sumRows: (x, rows, cols, out, accumulate) => sumRows(floats(x), rows, cols, floats(out), accumulate),
    sgdStep: (params, grads, velocity, decay, count, hyper) =>
      sgdStep(floats(params), floats(grads), floats(velocity), floats(decay), count, hyper),
    adamStep: (params, grads, moments, decay, count, hyper) =>
      adamStep(floats(params), floats(grads), floats(moments), floats(decay), count, hyper),
  };
}

function checkedSize(size: number, label: string): number {
  if (!Number.isInteger(size) || size < 0) throw new EngineError(`Tensor "${label}" needs a whole, non-negative size, got ${size}.`);
  return size;
}
