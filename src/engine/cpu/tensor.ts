import { EngineError } from '../core/errors.ts';
import type { ByteTensor, IndexTensor, Tensor } from '../core/tensor.ts';

/**
 * A CPU float tensor: one Float32Array per model (`slices`), each of `size` elements;
 * subarrays of one storage, or windows of a parent's slices. The WebAssembly backend's
 * tensors are CpuTensors whose arrays look into its memory (wasm/tensor.ts), so every CPU
 * reference op runs on them too; they override the two getters to renew the arrays after
 * the memory grows.
 */
export class CpuTensor implements Tensor {
  readonly dtype = 'f32';
  readonly size: number;
  readonly models: number;
  #slices: readonly Float32Array[];
  #storage: Float32Array | null;
  constructor(
    slices: readonly Float32Array[],
    readonly label: string,
    /** The slices lie back to back in this one array (a created tensor, not a stacked view). */
    storage: Float32Array | null,
  ) {
    this.#slices = slices;
    this.#storage = storage;
    this.size = slices[0].length;
    this.models = slices.length;
  }

  /** Each model's elements. */
  get slices(): readonly Float32Array[] {
    return this.#slices;
  }

  /** Every model's elements back to back, or null for a view of a stacked tensor. */
  get storage(): Float32Array | null {
    return this.#storage;
  }

  /** A tensor of `models` zeroed slices of `size` in one storage. */
  static zeros(size: number, models: number, label: string): CpuTensor {
    const storage = new Float32Array(size * models);
    return new CpuTensor(Array.from({ length: models }, (_, k) => storage.subarray(k * size, (k + 1) * size)), label, storage);
  }
}

/** A CPU index tensor. */
export class CpuIndexTensor implements IndexTensor {
  readonly dtype = 'i32';
  readonly size: number;
  constructor(
    readonly data: Int32Array,
    readonly label: string,
  ) {
    this.size = data.length;
  }
}

/** A CPU byte tensor (image pixels). */
export class CpuByteTensor implements ByteTensor {
  readonly dtype = 'u8';
  readonly size: number;
  constructor(
    readonly data: Uint8Array,
    readonly label: string,
  ) {
    this.size = data.length;
  }
}

/** A tensor made by the CPU backend. */
export function cpuTensor(tensor: Tensor): CpuTensor {
  if (!(tensor instanceof CpuTensor)) throw new EngineError('A tensor from another backend was passed to the CPU backend.');
  return tensor;
}

/** Model k's slice of a tensor (a shared tensor's only slice for every k). */
export function slice(tensor: CpuTensor, k: number): Float32Array {
  return tensor.slices[tensor.models === 1 ? 0 : k];
}

/** The elements of a tensor's slices back to back (K × size), for write, read and fill. */
export function storageOf(tensor: CpuTensor, op: string): Float32Array {
  if (!tensor.storage) throw new EngineError(`${op}: "${tensor.label}" is a view of a stacked tensor; its slices are not back to back. Use the whole tensor.`);
  return tensor.storage;
}

/** A byte tensor made by the CPU backend. */
export function cpuByteTensor(tensor: ByteTensor): CpuByteTensor {
  if (!(tensor instanceof CpuByteTensor)) throw new EngineError('A byte tensor from another backend was passed to the CPU backend.');
  return tensor;
}

/** The storage of an index tensor made by the CPU backend. */
export function indices(tensor: IndexTensor): Int32Array {
  if (!(tensor instanceof CpuIndexTensor)) throw new EngineError('An index tensor from another backend was passed to the CPU backend.');
  return tensor.data;
}
