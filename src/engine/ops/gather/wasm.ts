import { indices } from '../../cpu/tensor.ts';
import { EngineError } from '../../core/errors.ts';
import { opModels } from '../../core/tensor.ts';
import { checkHolds } from '../../core/shapes.ts';
import type { WasmOpContext } from '../../wasm/kernels.ts';
import { checkApart, wasmTensor } from '../../wasm/tensor.ts';
import { cpuGather } from './cpu.ts';
import type { GatherOp } from './gather.ts';

/**
 * gather on the WebAssembly backend: a float source's rows are copied inside the memory
 * (copyWithin, a memmove; no kernel is faster than that). A byte source (image pixels, kept in
 * JavaScript memory for now) goes to the CPU reference.
 */
export const wasmGather = (_wasm: WasmOpContext): GatherOp['gather'] => (src, dim, index, indexOffset, rows, out) => {
  if (src.dtype === 'u8') return cpuGather(src, dim, index, indexOffset, rows, out);
  const [s, o] = [wasmTensor(src), wasmTensor(out)];
  const models = opModels('gather', [o], [s]);
  checkHolds('gather', 'out', o.size, rows * dim);
  checkApart('gather', [o], [s], models);
  const order = indices(index);
  const srcRows = Math.floor(s.size / dim);
  const floats = new Float32Array(o.slices[0].buffer);
  for (let k = 0; k < models; k++) {
    const [from, to] = [s.pointer(k) / 4, o.pointer(k) / 4];
    for (let r = 0; r < rows; r++) {
      const row = order[indexOffset + r];
      if (!(row >= 0 && row < srcRows)) throw new EngineError(`gather: index ${row} at position ${indexOffset + r} is outside the ${srcRows} source rows.`);
      floats.copyWithin(to + r * dim, from + row * dim, from + (row + 1) * dim);
    }
  }
};
