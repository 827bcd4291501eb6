import { EngineError, type IndexTensor, type Tensor } from '../backend.ts';

/** A CPU float tensor: a Float32Array, or a window of its parent's. */
export class CpuTensor implements Tensor {
  readonly dtype = 'f32';
  readonly size: number;
  constructor(
    readonly data: Float32Array,
    readonly label: string,
  ) {
    this.size = data.length;
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

/** The storage of a tensor made by the CPU backend. */
export function floats(tensor: Tensor): Float32Array {
  if (!(tensor instanceof CpuTensor)) throw new EngineError('A tensor from another backend was passed to the CPU backend.');
  return tensor.data;
}

/** The storage of an index tensor made by the CPU backend. */
export function indices(tensor: IndexTensor): Int32Array {
  if (!(tensor instanceof CpuIndexTensor)) throw new EngineError('An index tensor from another backend was passed to the CPU backend.');
  return tensor.data;
}
