import { CpuTensor } from '../cpu/tensor.ts';
import { EngineError } from '../core/errors.ts';
import type { Tensor } from '../core/tensor.ts';
import type { WasmMemory } from './memory.ts';

/** Where a tensor's models lie in the memory: model k's slice starts at `at + k·stride` bytes. */
interface Placement {
  at: number;
  stride: number;
  size: number;
  models: number;
}

/**
 * A float tensor in WebAssembly memory. It is a CpuTensor whose arrays look into that memory,
 * so an op without a WebAssembly kernel runs its CPU reference on it unchanged; kernels take
 * `pointer(k)`. The arrays are renewed when the memory has grown since they were made (growth
 * empties every array over the old buffer).
 */
export class WasmTensor extends CpuTensor {
  #generation: number;
  #slices: readonly Float32Array[];
  #storage: Float32Array | null;
  constructor(
    readonly memory: WasmMemory,
    readonly placement: Placement,
    label: string,
    /** The slices are back to back (a created tensor, or a view of a single model's). */
    readonly backToBack: boolean,
    /** Made by createTensor (it owns its block), not a view. */
    readonly owner = false,
  ) {
    const [slices, storage] = arrays(memory, placement, backToBack);
    super(slices, label, storage);
    this.#slices = slices;
    this.#storage = storage;
    this.#generation = memory.generation;
  }

  override get slices(): readonly Float32Array[] {
    if (this.#generation !== this.memory.generation) this.#renew();
    return this.#slices;
  }

  override get storage(): Float32Array | null {
    if (this.#generation !== this.memory.generation) this.#renew();
    return this.#storage;
  }

  /** The byte offset of model k's slice (a shared tensor's only slice for every k). */
  pointer(k: number): number {
    return this.placement.at + (this.models === 1 ? 0 : k * this.placement.stride);
  }

  /** The bytes [first, end) that model k's slice spans, for overlap checks. */
  span(k: number): [number, number] {
    const first = this.pointer(k);
    return [first, first + this.size * 4];
  }

  #renew(): void {
    [this.#slices, this.#storage] = arrays(this.memory, this.placement, this.backToBack);
    this.#generation = this.memory.generation;
  }
}

function arrays(memory: WasmMemory, { at, stride, size, models }: Placement, backToBack: boolean): [Float32Array[], Float32Array | null] {
  const buffer = memory.memory.buffer;
  const slices = Array.from({ length: models }, (_, k) => new Float32Array(buffer, at + k * stride, size));
  return [slices, backToBack ? new Float32Array(buffer, at, size * models) : null];
}

/** A tensor made by the WebAssembly backend. */
export function wasmTensor(tensor: Tensor): WasmTensor {
  if (!(tensor instanceof WasmTensor)) throw new EngineError('A tensor from another backend was passed to the WebAssembly backend.');
  return tensor;
}

/** Throws if an output shares memory with another operand of a kernel (it would read what it has written). */
export function checkApart(op: string, outputs: readonly WasmTensor[], inputs: readonly WasmTensor[], models: number): void {
  for (const out of outputs) {
    for (const other of [...outputs, ...inputs]) {
      if (other === out) continue;
      for (let k = 0; k < models; k++) {
        const [a0, a1] = out.span(k);
        const [b0, b1] = other.span(k);
        if (a0 < b1 && b0 < a1) throw new EngineError(`${op}: "${out.label}" overlaps "${other.label}"; an output must not share memory with the op's other tensors.`);
      }
    }
  }
}
