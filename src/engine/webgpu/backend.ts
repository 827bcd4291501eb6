import { EngineError, type Backend, type BackendInfo, type IndexTensor, type Tensor } from '../backend.ts';
import { encodeActivationBackward } from './activationBackward.ts';
import { encodeAddNoise } from './addNoise.ts';
import { encodeAdamStep } from './adamStep.ts';
import { bindingOf, createArena, gpuIndexTensor, gpuTensor, GpuTensor, type Binding } from './arena.ts';
import type { KernelContext } from './context.ts';
import { GpuDeviceLostError, type AdapterDescription, type GpuLoss } from './device.ts';
import { encodeDropout } from './dropout.ts';
import { encodeFill } from './fill.ts';
import { BUFFER_USAGE } from './flags.ts';
import { checkGather, createGatherQueue } from './gather.ts';
import { createMatmulQueue, encodeDense } from './matmul.ts';
import { createRecorder, type RecorderCounters } from './recorder.ts';
import { encodeSgdStep } from './sgdStep.ts';
import { encodeSoftmax } from './softmax.ts';
import { encodeSoftmaxCrossEntropy } from './softmaxCrossEntropy.ts';
import { checkSumRows, encodeSumRows } from './sumRows.ts';

/** The Backend contract on a WebGPU device, plus what tests and the benchmark measure. */
export interface WebGpuBackend extends Backend {
  readonly device: GPUDevice;
  /** Dispatches, submits and readbacks so far. */
  readonly counters: Readonly<RecorderCounters>;
  /** GPU buffers alive now (back to zero after dispose). */
  readonly liveBuffers: number;
  /** Of those, the tensors'. */
  readonly liveTensors: number;
  /** The most bytes ever held in live GPU buffers. */
  readonly peakBytes: number;
  /** Resolves if the device is lost; from then on every op throws GpuDeviceLostError. */
  readonly lost: Promise<GpuLoss>;
}

const DEFAULT_REASON = 'WebGPU: WGSL kernels on the GPU.';

/**
 * A backend whose ops record compute dispatches into one command buffer; `read` submits
 * them and maps a pooled staging buffer. `description` comes from requestGpu.
 */
export function createWebGpuBackend(device: GPUDevice, description: AdapterDescription, reason = DEFAULT_REASON): WebGpuBackend {
  const info: BackendInfo = { kind: 'webgpu', adapter: description.summary, reason };
  const arena = createArena(device);
  const recorder = createRecorder(device, arena);
  const unused = arena.createBuffer('unused input slot', 16, BUFFER_USAGE.STORAGE);
  const unusedOut = arena.createBuffer('unused output slots', 3 * 256, BUFFER_USAGE.STORAGE);
  const context: KernelContext = {
    device,
    recorder,
    unusedInput: { buffer: unused, id: -1, offset: 0, size: 16 },
    unusedOutputs: [0, 1, 2].map((s): Binding => ({ buffer: unusedOut, id: -2, offset: 256 * s, size: 16 })),
  };
  const gathers = createGatherQueue(context);
  const matmuls = createMatmulQueue(context);
  const health = watchDevice(device);
  let errorsSeen = 0;

  /** Every op first enqueues the ops held back to be merged with a next one, so order holds. */
  const before = () => {
    health.check();
    gathers.flush();
    matmuls.flush();
  };
  const readFloats = async (tensor: GpuTensor, count: number): Promise<Float32Array> => {
    before();
    if (!(Number.isInteger(count) && count >= 0 && count <= tensor.size)) throw new EngineError(`read: count ${count} is outside tensor "${tensor.label}" of ${tensor.size}.`);
    if (count === 0) return new Float32Array(0);
    let result: Awaited<ReturnType<typeof recorder.read>>;
    try {
      result = await recorder.read(bindingOf(tensor), 4 * count);
    } catch (error) {
      throw health.lostError() ?? error;
    }
    health.check();
    health.checkUncaptured();
    const gatherErrors = result.errors[0];
    if (gatherErrors !== errorsSeen) {
      const rows = gatherErrors - errorsSeen;
      errorsSeen = gatherErrors;
      throw new EngineError(`gather: ${rows} row index(es) fell outside their source tensor since the last read; those rows were zero-filled.`);
    }
    return new Float32Array(result.data);
  };

  return {
    info,
    device,
    counters: recorder.counters,
    get liveBuffers() {
      return arena.liveBuffers;
    },
    get liveTensors() {
      return arena.liveTensors;
    },
    get peakBytes() {
      return arena.peakBytes;
    },
    lost: health.lost,
    createTensor: (size, label) => arena.createTensor(size, label),
    createIndexTensor: (size, label) => arena.createIndexTensor(size, label),
    view: (tensor, offset, size, label) => arena.view(gpuTensor(tensor), offset, size, label),
    write(tensor, data, offset = 0) {
      writeWords(gpuTensor(tensor), data, offset, 'write');
    },
    writeIndices(tensor, data, offset = 0) {
      writeWords(gpuIndexTensor(tensor), data, offset, 'writeIndices');
    },
    fill(tensor, value) {
      before();
      encodeFill(context, gpuTensor(tensor), value);
    },
    read: (tensor, count) => readFloats(gpuTensor(tensor), count ?? tensor.size),
    destroy(tensor: Tensor | IndexTensor) {
      const owned = tensor.dtype === 'f32' ? gpuTensor(tensor) : gpuIndexTensor(tensor);
      if (owned instanceof GpuTensor && owned.isView) return;
      // Recorded dispatches may still use the buffer: submit them before it goes.
      before();
      recorder.flush();
      recorder.forgetBindGroups();
      arena.destroyBuffer(owned.buffer);
    },
    dispose() {
      gathers.flush();
      matmuls.flush();
      if (!health.isLost) recorder.flush();
      recorder.forgetBindGroups();
      health.dispose();
      arena.dispose();
    },

    gather(src, dim, index, indexOffset, rows, out) {
      health.check();
      matmuls.flush();
      const op = { src: gpuTensor(src), dim, index: gpuIndexTensor(index), indexOffset, rows, out: gpuTensor(out) };
      checkGather(op);
      gathers.push(op);
    },
    matmul(a, b, out, m, k, n, transpose, accumulate) {
      before();
      matmuls.push({ a: gpuTensor(a), b: gpuTensor(b), out: gpuTensor(out), m, k, n, transpose, accumulate });
    },
    dense(x, w, b, out, rows, inDim, outDim, activation) {
      before();
      encodeDense(context, gpuTensor(x), gpuTensor(w), gpuTensor(b), gpuTensor(out), rows, inDim, outDim, activation);
    },
    activationBackward(y, dy, dx, count, activation) {
      before();
      encodeActivationBackward(context, gpuTensor(y), gpuTensor(dy), gpuTensor(dx), count, activation);
    },
    dropout(x, out, count, rate, seed, counter) {
      before();
      encodeDropout(context, gpuTensor(x), gpuTensor(out), count, rate, seed, counter);
    },
    dropoutBackward(dy, dx, count, rate, seed, counter) {
      before();
      encodeDropout(context, gpuTensor(dy), gpuTensor(dx), count, rate, seed, counter);
    },
    addNoise(x, count, std, seed, counter) {
      before();
      encodeAddNoise(context, gpuTensor(x), count, std, seed, counter);
    },
    softmaxCrossEntropy(logits, targets, weights, rows, classes, dLogits, stats) {
      before();
      const [l, t, w, d, s] = [logits, targets, weights, dLogits, stats].map(gpuTensor);
      encodeSoftmaxCrossEntropy(context, l, t, w, rows, classes, d, s);
    },
    softmax(logits, rows, classes, probs, probsRow) {
      before();
      encodeSoftmax(context, gpuTensor(logits), rows, classes, gpuTensor(probs), probsRow);
    },
    sumRows(x, rows, cols, out, accumulate) {
      health.check();
      gathers.flush();
      const [input, sums] = [gpuTensor(x), gpuTensor(out)];
      checkSumRows(input, rows, cols, sums);
      if (matmuls.joinSumRows(input, rows, cols, sums, accumulate)) return;
      matmuls.flush();
      encodeSumRows(context, input, rows, cols, sums, accumulate);
    },
    sgdStep(params, grads, velocity, decay, count, hyper) {
      before();
      encodeSgdStep(context, gpuTensor(params), gpuTensor(grads), gpuTensor(velocity), gpuTensor(decay), count, hyper);
    },
    adamStep(params, grads, moments, decay, count, hyper) {
      before();
      encodeAdamStep(context, gpuTensor(params), gpuTensor(grads), gpuTensor(moments), gpuTensor(decay), count, hyper);
    },
  };

  /**
   * queue.writeBuffer lands before any command submitted after it, so recorded work is
   * submitted first: the write then follows the ops enqueued before it, as the contract says.
   */
  function writeWords(tensor: { buffer: GPUBuffer; size: number; label: string; offset?: number }, data: Float32Array | Int32Array, offset: number, op: string): void {
    before();
    if (!(Number.isInteger(offset) && offset >= 0 && offset + data.length <= tensor.size)) {
      throw new EngineError(`${op}: ${data.length} values at ${offset} do not fit in "${tensor.label}" of ${tensor.size}.`);
    }
    if (data.length === 0) return;
    recorder.flush();
    device.queue.writeBuffer(tensor.buffer, 4 * ((tensor.offset ?? 0) + offset), data.buffer, data.byteOffset, data.byteLength);
  }
}

/**
 * Tracks device.lost, so ops after a loss throw GpuDeviceLostError instead of failing
 * obscurely, and the device's uncaptured errors (a validation error means wrong numbers),
 * which the next read throws.
 */
function watchDevice(device: GPUDevice) {
  let loss: GpuLoss | null = null;
  let uncaptured: string | null = null;
  const lost = device.lost.then((info): GpuLoss => {
    loss = { reason: info.reason === 'destroyed' ? 'destroyed' : 'unknown', message: info.message };
    return loss;
  });
  const onError = (event: Event) => {
    uncaptured ??= (event as GPUUncapturedErrorEvent).error?.message ?? 'unknown error';
  };
  device.addEventListener('uncapturederror', onError);
  return {
    lost,
    get isLost() {
      return loss !== null;
    },
    lostError: () => (loss ? new GpuDeviceLostError(loss) : null),
    check() {
      if (loss) throw new GpuDeviceLostError(loss);
    },
    /** Throws the first uncaptured WebGPU error since the last call. */
    checkUncaptured() {
      const message = uncaptured;
      uncaptured = null;
      if (message) throw new EngineError(`WebGPU reported an error, so results may be wrong: ${message}`);
    },
    dispose: () => device.removeEventListener('uncapturederror', onError),
  };
}
