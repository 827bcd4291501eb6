import { cpuByteTensor, cpuTensor, slice } from '../../cpu/tensor.ts';
import { EngineError } from '../../core/errors.ts';
import { opModels, type ByteTensor, type Tensor } from '../../core/tensor.ts';

/**
 * The CPU references of the image gathers (gatherShifted, gatherRotated) share these: the
 * source row an output row reads, checked, and the loop over the models a stacked op runs.
 */

/** index[at], or a clear error when it is not one of the `srcRows` source rows. */
export function sourceRowAt(op: string, index: Int32Array, at: number, srcRows: number): number {
  const row = index[at];
  if (!(row >= 0 && row < srcRows)) throw new EngineError(`${op}: index ${row} at position ${at} is outside the ${srcRows} source rows.`);
  return row;
}

/**
 * Calls `each(source, outs, k)` for every model k the op stacks: a float source's model k (or its
 * one model, shared), or the image bytes every model shares, with each output's model k.
 */
export function forEachImageModel(
  op: string,
  src: Tensor | ByteTensor,
  outputs: readonly Tensor[],
  each: (source: Float32Array | Uint8Array, outs: Float32Array[], k: number) => void,
): void {
  const outs = outputs.map(cpuTensor);
  const floats = src.dtype === 'u8' ? null : cpuTensor(src);
  const bytes = floats ? null : cpuByteTensor(src as ByteTensor).data;
  const models = opModels(op, outs, floats ? [floats] : []);
  for (let k = 0; k < models; k++) {
    each(floats ? slice(floats, k) : (bytes as Uint8Array), outs.map((out) => slice(out, k)), k);
  }
}
