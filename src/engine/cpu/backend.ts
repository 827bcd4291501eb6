import { checkModels, EngineError, opModels, VIEW_ALIGN, type Backend, type BackendInfo, type ByteTensor, type IndexTensor, type Tensor } from '../backend.ts';
import { activationBackward } from './activation.ts';
import { conv2d, conv2dInputGrad, conv2dWeightGrad } from './conv.ts';
import { dense } from './dense.ts';
import { gather } from './gather.ts';
import { matmul } from './matmul.ts';
import { checkMixBatch, mixRows } from './mix.ts';
import { addNoise, dropout } from './noise.ts';
import { adamStep, sgdStep } from './optimizer.ts';
import { maxPool, maxPoolBackward } from './pool.ts';
import { sumRows } from './reduce.ts';
import { checkShift, gatherShifted } from './shift.ts';
import { classify, softmax, softmaxCrossEntropy } from './softmaxCrossEntropy.ts';
import { CpuByteTensor, cpuByteTensor, cpuTensor, CpuIndexTensor, CpuTensor, indices, slice, storageOf } from './tensor.ts';

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
    createTensor(size, label, models = 1) {
      checkModels(models, label);
      return CpuTensor.zeros(checkedSize(size, label), models, label);
    },
    createIndexTensor: (size, label) => new CpuIndexTensor(new Int32Array(checkedSize(size, label)), label),
    createByteTensor: (data, label) => new CpuByteTensor(Uint8Array.from(data), label),
    view(tensor, offset, size, label) {
      const parent = cpuTensor(tensor);
      if (offset % VIEW_ALIGN !== 0) throw new EngineError(`View "${label}" starts at ${offset}, not a multiple of ${VIEW_ALIGN} floats.`);
      if (offset < 0 || size < 0 || offset + size > parent.size) {
        throw new EngineError(`View "${label}" [${offset}, ${offset + size}) does not fit in a tensor of ${parent.size} floats.`);
      }
      const slices = parent.slices.map((data) => data.subarray(offset, offset + size));
      return new CpuTensor(slices, label, parent.models === 1 ? slices[0] : null);
    },
    write: (tensor, data, offset = 0) => storageOf(cpuTensor(tensor), 'write').set(data, offset),
    writeIndices: (tensor, data, offset = 0) => indices(tensor).set(data, offset),
    fill: (tensor, value) => cpuTensor(tensor).slices.forEach((data) => data.fill(value)),
    async read(tensor, count) {
      const t = cpuTensor(tensor);
      storageOf(t, 'read');
      const n = count ?? t.size;
      if (t.models === 1) return t.slices[0].slice(0, n);
      const out = new Float32Array(t.models * n);
      t.slices.forEach((data, k) => out.set(data.subarray(0, n), k * n));
      return out;
    },
    // Garbage collection frees CPU tensors; these exist for the WebGPU backend's sake.
    destroy: (tensor: Tensor | IndexTensor | ByteTensor) => void tensor,
    dispose: () => undefined,

    gather(src, dim, index, indexOffset, rows, out) {
      const o = cpuTensor(out);
      const order = indices(index);
      if (src.dtype === 'u8') {
        const bytes = cpuByteTensor(src).data;
        for (let k = 0; k < o.models; k++) gather(bytes, dim, order, indexOffset, rows, slice(o, k));
        return;
      }
      const s = cpuTensor(src);
      for (let k = 0, K = opModels('gather', [o], [s]); k < K; k++) gather(slice(s, k), dim, order, indexOffset, rows, slice(o, k));
    },
    gatherShifted(src, shape, index, indexOffset, rows, out, maxShift, seed, counter) {
      checkShift(shape, maxShift);
      const o = cpuTensor(out);
      const order = indices(index);
      const s = src.dtype === 'u8' ? null : cpuTensor(src);
      for (let k = 0, K = s ? opModels('gatherShifted', [o], [s]) : o.models; k < K; k++) {
        gatherShifted(s ? slice(s, k) : cpuByteTensor(src as ByteTensor).data, shape, order, indexOffset, rows, slice(o, k), maxShift, seed, counter, k * rows);
      }
    },
    mixBatch(x, inputDim, targets, classes, weights, rows, seed, counter) {
      const [tx, tt, tw] = [cpuTensor(x), cpuTensor(targets), cpuTensor(weights)];
      checkMixBatch(rows, [['x', tx.size, inputDim], ['targets', tt.size, classes], ['weights', tw.size, 1]]);
      for (let k = 0, K = opModels('mixBatch', [tx, tt, tw], []); k < K; k++) {
        for (const [t, dim] of [[tx, inputDim], [tt, classes], [tw, 1]] as const) mixRows(slice(t, k), dim, rows, seed, counter, k * rows);
      }
    },
    matmul(a, b, out, m, kDim, n, transpose, accumulate) {
      const [ta, tb, to] = [cpuTensor(a), cpuTensor(b), cpuTensor(out)];
      for (let k = 0, K = opModels('matmul', [to], [ta, tb]); k < K; k++) matmul(slice(ta, k), slice(tb, k), slice(to, k), m, kDim, n, transpose, accumulate);
    },
    dense(x, w, b, out, rows, inDim, outDim, activation) {
      const [tx, tw, tb, to] = [cpuTensor(x), cpuTensor(w), cpuTensor(b), cpuTensor(out)];
      for (let k = 0, K = opModels('dense', [to], [tx, tw, tb]); k < K; k++) {
        dense(slice(tx, k), slice(tw, k), slice(tb, k), slice(to, k), rows, inDim, outDim, activation);
      }
    },
    activationBackward(y, dy, dx, count, activation) {
      const [ty, tdy, tdx] = [cpuTensor(y), cpuTensor(dy), cpuTensor(dx)];
      for (let k = 0, K = opModels('activationBackward', [tdx], [ty, tdy]); k < K; k++) activationBackward(slice(ty, k), slice(tdy, k), slice(tdx, k), count, activation);
    },
    dropout: (x, out, count, rate, seed, counter) => maskedCopy('dropout', x, out, count, rate, seed, counter),
    dropoutBackward: (dy, dx, count, rate, seed, counter) => maskedCopy('dropoutBackward', dy, dx, count, rate, seed, counter),
    addNoise(x, count, std, seed, counter) {
      const t = cpuTensor(x);
      for (let k = 0, K = opModels('addNoise', [t], []); k < K; k++) addNoise(slice(t, k), count, std, seed, counter, k * count);
    },
    softmaxCrossEntropy(logits, targets, weights, rows, classes, dLogits, stats) {
      const [tl, tt, tw, td, ts] = [cpuTensor(logits), cpuTensor(targets), cpuTensor(weights), cpuTensor(dLogits), cpuTensor(stats)];
      for (let k = 0, K = opModels('softmaxCrossEntropy', [td, ts], [tl, tt, tw]); k < K; k++) {
        softmaxCrossEntropy(slice(tl, k), slice(tt, k), slice(tw, k), rows, classes, slice(td, k), slice(ts, k));
      }
    },
    softmax(logits, rows, classes, probs, probsRow) {
      const [tl, tp] = [cpuTensor(logits), cpuTensor(probs)];
      for (let k = 0, K = opModels('softmax', [tp], [tl]); k < K; k++) softmax(slice(tl, k), rows, classes, slice(tp, k), probsRow);
    },
    classify(logits, rows, classes, out, outRow) {
      const [tl, to] = [cpuTensor(logits), cpuTensor(out)];
      for (let k = 0, K = opModels('classify', [to], [tl]); k < K; k++) classify(slice(tl, k), rows, classes, slice(to, k), outRow);
    },
    conv2d(x, w, b, out, rows, shape, activation) {
      const [tx, tw, tb, to] = [cpuTensor(x), cpuTensor(w), cpuTensor(b), cpuTensor(out)];
      for (let k = 0, K = opModels('conv2d', [to], [tx, tw, tb]); k < K; k++) conv2d(slice(tx, k), slice(tw, k), slice(tb, k), slice(to, k), rows, shape, activation);
    },
    conv2dInputGrad(dy, w, dx, rows, shape) {
      const [tdy, tw, tdx] = [cpuTensor(dy), cpuTensor(w), cpuTensor(dx)];
      for (let k = 0, K = opModels('conv2dInputGrad', [tdx], [tdy, tw]); k < K; k++) conv2dInputGrad(slice(tdy, k), slice(tw, k), slice(tdx, k), rows, shape);
    },
    conv2dWeightGrad(x, dy, dw, db, rows, shape) {
      const [tx, tdy, tdw, tdb] = [cpuTensor(x), cpuTensor(dy), cpuTensor(dw), cpuTensor(db)];
      for (let k = 0, K = opModels('conv2dWeightGrad', [tdw, tdb], [tx, tdy]); k < K; k++) conv2dWeightGrad(slice(tx, k), slice(tdy, k), slice(tdw, k), slice(tdb, k), rows, shape);
    },
    maxPool(x, out, rows, shape) {
      const [tx, to] = [cpuTensor(x), cpuTensor(out)];
      for (let k = 0, K = opModels('maxPool', [to], [tx]); k < K; k++) maxPool(slice(tx, k), slice(to, k), rows, shape);
    },
    maxPoolBackward(x, dy, dx, rows, shape) {
      const [tx, tdy, tdx] = [cpuTensor(x), cpuTensor(dy), cpuTensor(dx)];
      for (let k = 0, K = opModels('maxPoolBackward', [tdx], [tx, tdy]); k < K; k++) maxPoolBackward(slice(tx, k), slice(tdy, k), slice(tdx, k), rows, shape);
    },
    sumRows(x, rows, cols, out, accumulate) {
      const [tx, to] = [cpuTensor(x), cpuTensor(out)];
      for (let k = 0, K = opModels('sumRows', [to], [tx]); k < K; k++) sumRows(slice(tx, k), rows, cols, slice(to, k), accumulate);
    },
    sgdStep(params, grads, velocity, decay, count, hyper) {
      const [tp, tg, tv, td] = [cpuTensor(params), cpuTensor(grads), cpuTensor(velocity), cpuTensor(decay)];
      for (let k = 0, K = opModels('sgdStep', [tp, tv], [tg, td]); k < K; k++) sgdStep(slice(tp, k), slice(tg, k), slice(tv, k), slice(td, k), count, hyper);
    },
    adamStep(params, grads, moments, decay, count, hyper) {
      const [tp, tg, tm, td] = [cpuTensor(params), cpuTensor(grads), cpuTensor(moments), cpuTensor(decay)];
      for (let k = 0, K = opModels('adamStep', [tp, tm], [tg, td]); k < K; k++) adamStep(slice(tp, k), slice(tg, k), slice(tm, k), slice(td, k), count, hyper);
    },
  };
}

/** Dropout and its backward op: the same mask over model k's elements k·count + i. */
function maskedCopy(op: string, x: Tensor, out: Tensor, count: number, rate: number, seed: number, counter: number): void {
  const [tx, to] = [cpuTensor(x), cpuTensor(out)];
  for (let k = 0, K = opModels(op, [to], [tx]); k < K; k++) dropout(slice(tx, k), slice(to, k), count, rate, seed, counter, k * count);
}

function checkedSize(size: number, label: string): number {
  if (!Number.isInteger(size) || size < 0) throw new EngineError(`Tensor "${label}" needs a whole, non-negative size, got ${size}.`);
  return size;
}
