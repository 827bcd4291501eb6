import type { Backend, BackendInfo } from '../backend.ts';
import { EngineError } from '../core/errors.ts';
import type { ByteTensor, IndexTensor, Tensor } from '../core/tensor.ts';
import { loadWebGpuOps } from '../ops/registry.ts';
import { bindingOf, createArena, gpuByteTensor, gpuIndexTensor, gpuTensor, GpuTensor, type Arena, type Binding, type GpuIndexTensor } from '../webgpu/arena.ts';
import type { KernelContext } from '../webgpu/context.ts';
import { watchDevice, type AdapterDescription, type GpuLoss } from '../webgpu/device.ts';
import { BUFFER_USAGE } from '../webgpu/flags.ts';
import { createGpuOpContext } from '../webgpu/opContext.ts';
import { createRecorder, type Recorder, type RecorderCounters } from '../webgpu/recorder.ts';

export {
  describeAdapter,
  GpuDeviceLostError,
  NoGpuError,
  requestGpu,
  WEBGPU_BROWSERS,
  type AdapterDescription,
  type Gpu,
  type GpuLoss,
  type NoGpuReason,
} from '../webgpu/device.ts';

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

/** The ops' WebGPU methods, loaded with this module (its importers load it only to run on WebGPU). */
const makeOps = await loadWebGpuOps();

/**
 * A backend whose ops record compute dispatches into one command buffer; `read` submits
 * them and maps a pooled staging buffer. `description` comes from requestGpu.
 */
export function createWebGpuBackend(device: GPUDevice, description: AdapterDescription, reason = DEFAULT_REASON): WebGpuBackend {
  const info: BackendInfo = { kind: 'webgpu', adapter: description.summary, reason };
  const arena = createArena(device);
  const recorder = createRecorder(device, arena);
  const context = createContext(device, arena, recorder, description.software);
  const health = watchDevice(device);
  const gpu = createGpuOpContext(context, health.check);
  const readBack = createReader(recorder, health);
  /** An op held back to merge with a next one goes first, so order holds. */
  const before = () => gpu.begin();
  /**
   * queue.writeBuffer lands before any command submitted after it, so recorded work is
   * submitted first: the write then follows the ops enqueued before it, as the contract says.
   */
  const writeWords = (tensor: GpuTensor | GpuIndexTensor, data: Float32Array | Int32Array, offset: number, op: string) => {
    before();
    const room = tensor instanceof GpuTensor ? contiguous(tensor, op) : tensor.size;
    if (!(Number.isInteger(offset) && offset >= 0 && offset + data.length <= room)) {
      throw new EngineError(`${op}: ${data.length} values at ${offset} do not fit in "${tensor.label}" of ${room}.`);
    }
    if (data.length === 0) return;
    recorder.flush();
    device.queue.writeBuffer(tensor.buffer, bindingOf(tensor).offset + 4 * offset, data.buffer, data.byteOffset, data.byteLength);
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
    createTensor: (size, label, models) => arena.createTensor(size, label, models),
    createIndexTensor: (size, label) => arena.createIndexTensor(size, label),
    createByteTensor(data, label) {
      // Its upload lands before any command submitted after it: recorded work goes first.
      before();
      recorder.flush();
      return arena.createByteTensor(data, label);
    },
    view: (tensor, offset, size, label) => arena.view(gpuTensor(tensor), offset, size, label),
    write: (tensor, data, offset = 0) => writeWords(gpuTensor(tensor), data, offset, 'write'),
    writeIndices: (tensor, data, offset = 0) => writeWords(gpuIndexTensor(tensor), data, offset, 'writeIndices'),
    async read(tensor, count) {
      before();
      return readBack(gpuTensor(tensor), count ?? tensor.size);
    },
    destroy(tensor: Tensor | IndexTensor | ByteTensor) {
      const owned = tensor.dtype === 'f32' ? gpuTensor(tensor) : tensor.dtype === 'i32' ? gpuIndexTensor(tensor) : gpuByteTensor(tensor);
      if (owned instanceof GpuTensor && owned.isView) return;
      // Recorded dispatches may still use the buffer: submit them before it goes.
      before();
      recorder.flush();
      recorder.forgetBindGroups();
      arena.destroyBuffer(owned.buffer);
    },
    dispose() {
      if (!health.isLost) {
        gpu.flushHeld();
        recorder.flush();
      }
      recorder.forgetBindGroups();
      health.dispose();
      arena.dispose();
    },
    ...makeOps(gpu),
  };
}

/** Elements of a tensor's slices back to back; throws for a stacked view, whose slices have gaps between them. */
function contiguous(tensor: GpuTensor, op: string): number {
  if (tensor.models > 1 && tensor.modelStride !== tensor.size) {
    throw new EngineError(`${op}: "${tensor.label}" is a view of a stacked tensor; its slices are not back to back. Use the whole tensor.`);
  }
  return tensor.span;
}

/** The kernels' view of the backend, with spare buffers for unused binding slots. */
function createContext(device: GPUDevice, arena: Arena, recorder: Recorder, software: boolean): KernelContext {
  const unusedIn = arena.createBuffer('unused input slot', 16, BUFFER_USAGE.STORAGE);
  const unusedOut = arena.createBuffer('unused output slots', 3 * 256, BUFFER_USAGE.STORAGE);
  return {
    device,
    recorder,
    software,
    unusedInput: { buffer: unusedIn, id: -1, offset: 0, size: 16 },
    unusedOutputs: [0, 1, 2].map((s): Binding => ({ buffer: unusedOut, id: -2, offset: 256 * s, size: 16 })),
  };
}

/**
 * `read`: the first `count` floats once recorded work has run. A gather row index that fell
 * outside its source since the last read (counted on the GPU) is thrown here, once.
 */
function createReader(recorder: Recorder, health: ReturnType<typeof watchDevice>) {
  let gatherErrorsSeen = 0;
  return async (tensor: GpuTensor, count: number): Promise<Float32Array> => {
    if (!(Number.isInteger(count) && count >= 0 && count <= tensor.size)) throw new EngineError(`read: count ${count} is outside tensor "${tensor.label}" of ${tensor.size}.`);
    contiguous(tensor, 'read');
    if (count === 0) return new Float32Array(0);
    const { models, size } = tensor;
    let result: Awaited<ReturnType<Recorder['read']>>;
    try {
      result = await health.settle(recorder.read(bindingOf(tensor), 4 * ((models - 1) * size + count)));
    } catch (error) {
      throw health.lostError() ?? error;
    }
    health.check();
    health.checkUncaptured();
    const gatherErrors = result.errors[0];
    if (gatherErrors !== gatherErrorsSeen) {
      const rows = gatherErrors - gatherErrorsSeen;
      gatherErrorsSeen = gatherErrors;
      throw new EngineError(`gather: ${rows} row index(es) fell outside their source tensor since the last read; those rows were zero-filled.`);
    }
    const data = new Float32Array(result.data);
    if (models === 1 || count === size) return data;
    const out = new Float32Array(models * count);
    for (let k = 0; k < models; k++) out.set(data.subarray(k * size, k * size + count), k * count);
    return out;
  };
}
