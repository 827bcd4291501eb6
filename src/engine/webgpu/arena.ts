import { EngineError } from '../core/errors.ts';
import { checkModels, VIEW_ALIGN, type ByteTensor, type IndexTensor, type Tensor } from '../core/tensor.ts';
import { BUFFER_USAGE } from './flags.ts';

/** A range of a GPU buffer as a kernel binds it (bytes); `id` names the buffer in cache keys. */
export interface Binding {
  buffer: GPUBuffer;
  id: number;
  offset: number;
  size: number;
}

/**
 * A float32 tensor: a whole buffer, or a window of its parent's. A stacked one holds
 * `models` slices of `size`, model k's starting `k · modelStride` elements after `offset`.
 */
export class GpuTensor implements Tensor {
  readonly dtype = 'f32';
  constructor(
    readonly buffer: GPUBuffer,
    readonly id: number,
    /** First element in the buffer (model 0's). */
    readonly offset: number,
    readonly size: number,
    readonly label: string,
    readonly isView: boolean,
    readonly models = 1,
    /** Elements from one model's slice to the next (0 when there is one model). */
    readonly modelStride = 0,
  ) {}

  /** Elements from model 0's first to the last model's end. */
  get span(): number {
    return (this.models - 1) * this.modelStride + this.size;
  }
}

/** An int32 tensor of row indices. */
export class GpuIndexTensor implements IndexTensor {
  readonly dtype = 'i32';
  constructor(
    readonly buffer: GPUBuffer,
    readonly id: number,
    readonly size: number,
    readonly label: string,
  ) {}
}

/** A uint8 tensor of image pixels, four to a 32-bit word (kernels bind it as array<u32>). */
export class GpuByteTensor implements ByteTensor {
  readonly dtype = 'u8';
  constructor(
    readonly buffer: GPUBuffer,
    readonly id: number,
    readonly size: number,
    readonly label: string,
  ) {}
}

/** The GPU storage of a byte tensor made by a WebGPU backend. */
export function gpuByteTensor(tensor: ByteTensor): GpuByteTensor {
  if (!(tensor instanceof GpuByteTensor)) throw new EngineError('A byte tensor from another backend was passed to the WebGPU backend.');
  return tensor;
}

/** The GPU storage of a tensor made by a WebGPU backend. */
export function gpuTensor(tensor: Tensor): GpuTensor {
  if (!(tensor instanceof GpuTensor)) throw new EngineError('A tensor from another backend was passed to the WebGPU backend.');
  return tensor;
}

/** The GPU storage of an index tensor made by a WebGPU backend. */
export function gpuIndexTensor(tensor: IndexTensor): GpuIndexTensor {
  if (!(tensor instanceof GpuIndexTensor)) throw new EngineError('An index tensor from another backend was passed to the WebGPU backend.');
  return tensor;
}

/** The bytes a kernel binds for `tensor` (at least one word, so an empty tensor still binds). */
export function bindingOf(tensor: GpuTensor | GpuIndexTensor | GpuByteTensor): Binding {
  if (tensor instanceof GpuByteTensor) return { buffer: tensor.buffer, id: tensor.id, offset: 0, size: 4 * Math.max(Math.ceil(tensor.size / 4), 1) };
  const [offset, span] = tensor instanceof GpuTensor ? [tensor.offset, tensor.span] : [0, tensor.size];
  return { buffer: tensor.buffer, id: tensor.id, offset: 4 * offset, size: 4 * Math.max(span, 1) };
}

/** Owns every buffer a backend makes: labelled, counted, destroyed on dispose. */
export interface Arena {
  createTensor(size: number, label: string, models?: number): GpuTensor;
  createIndexTensor(size: number, label: string): GpuIndexTensor;
  /** A byte tensor holding `data`, uploaded now (padded with zeros to whole words). */
  createByteTensor(data: Uint8Array, label: string): GpuByteTensor;
  view(tensor: GpuTensor, offset: number, size: number, label: string): GpuTensor;
  /** A buffer for the backend's own use (uniform ring, staging), destroyed with the arena. */
  createBuffer(label: string, bytes: number, usage: number): GPUBuffer;
  destroyBuffer(buffer: GPUBuffer): void;
  /** Buffers alive now (tests check that dispose brings this back to zero). */
  readonly liveBuffers: number;
  /** Of those, the tensors' (not the uniform ring, staging and spare slots). */
  readonly liveTensors: number;
  /** The most bytes live buffers ever held. */
  readonly peakBytes: number;
  dispose(): void;
}

const TENSOR_USAGE = BUFFER_USAGE.STORAGE | BUFFER_USAGE.COPY_SRC | BUFFER_USAGE.COPY_DST;

export function createArena(device: GPUDevice): Arena {
  const live = new Set<GPUBuffer>();
  const tensors = new Set<GPUBuffer>();
  let nextId = 1;
  let liveBytes = 0;
  let peakBytes = 0;

  const createBuffer = (label: string, bytes: number, usage: number): GPUBuffer => {
    // Sizes round up to 16 bytes: copies and mapping want multiples of 4, uniform bindings of 16.
    const size = Math.max(16, Math.ceil(bytes / 16) * 16);
    const buffer = device.createBuffer({ label, size, usage });
    live.add(buffer);
    liveBytes += size;
    peakBytes = Math.max(peakBytes, liveBytes);
    return buffer;
  };
  const createTensorBuffer = (size: number, label: string, bytesPerElement = 4) => {
    if (!Number.isInteger(size) || size < 0) throw new EngineError(`Tensor "${label}" needs a whole, non-negative size, got ${size}.`);
    const buffer = createBuffer(label, bytesPerElement * size, TENSOR_USAGE);
    tensors.add(buffer);
    return buffer;
  };

  return {
    createTensor(size, label, models = 1) {
      checkModels(models, label);
      const stride = models > 1 ? size : 0;
      return new GpuTensor(createTensorBuffer(size * models, label), nextId++, 0, size, label, false, models, stride);
    },
    createIndexTensor: (size, label) => new GpuIndexTensor(createTensorBuffer(size, label), nextId++, size, label),
    createByteTensor(data, label) {
      const buffer = createTensorBuffer(data.length, label, 1);
      // writeBuffer takes whole words: the tail is padded with zeros.
      const words = new Uint8Array(Math.ceil(data.length / 4) * 4);
      words.set(data);
      if (words.length > 0) device.queue.writeBuffer(buffer, 0, words);
      return new GpuByteTensor(buffer, nextId++, data.length, label);
    },
    view(tensor, offset, size, label) {
      if (offset % VIEW_ALIGN !== 0) throw new EngineError(`View "${label}" starts at ${offset}, not a multiple of ${VIEW_ALIGN} floats.`);
      if (!(offset >= 0 && size >= 0 && offset + size <= tensor.size)) {
        throw new EngineError(`View "${label}" [${offset}, ${offset + size}) does not fit in a tensor of ${tensor.size} floats.`);
      }
      return new GpuTensor(tensor.buffer, tensor.id, tensor.offset + offset, size, label, true, tensor.models, tensor.modelStride);
    },
    createBuffer,
    destroyBuffer(buffer) {
      if (!live.delete(buffer)) return;
      tensors.delete(buffer);
      liveBytes -= buffer.size;
      buffer.destroy();
    },
    get liveBuffers() {
      return live.size;
    },
    get liveTensors() {
      return tensors.size;
    },
    get peakBytes() {
      return peakBytes;
    },
    dispose() {
      for (const buffer of live) buffer.destroy();
      live.clear();
      tensors.clear();
      liveBytes = 0;
    },
  };
}
