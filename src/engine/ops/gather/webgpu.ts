import { EngineError } from '../../core/errors.ts';
import { GpuByteTensor, gpuByteTensor, gpuIndexTensor, gpuTensor, type GpuIndexTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import { sourceDeclaration } from './pixelSource.ts';
import source from './gather.wgsl?raw';
import type { GatherOp } from './gather.ts';
import type { GpuOpContext, HeldOp } from '../../webgpu/opContext.ts';
import sourceRow from './sourceRow.wgsl?raw';

// Slot 0 reads floats, or image bytes (see pixelSource.ts).
const GATHER = defineKernel('gather', `${sourceDeclaration('src0', 2, false)}\n${sourceRow}\n${source}`);
const GATHER_BYTES = defineKernel('gatherBytes', `${sourceDeclaration('src0', 2, true)}\n${sourceRow}\n${source}`);

/** Source slots one gather dispatch fills (the shader's src0..src2, out0..out2). */
const SLOTS = 3;

/** One gather call: out[r, :] = src[index[indexOffset + r], :] for r < rows. */
export interface GatherCall {
  src: GpuTensor | GpuByteTensor;
  dim: number;
  index: GpuIndexTensor;
  indexOffset: number;
  rows: number;
  out: GpuTensor;
}

/** Throws unless the op's sizes fit its tensors; row indices are checked on the GPU. */
export function checkGather(op: GatherCall): void {
  const { src, dim, index, indexOffset, rows, out } = op;
  if (!(Number.isInteger(dim) && dim >= 1)) throw new EngineError(`gather: dim must be a whole number >= 1, got ${dim}.`);
  if (!(Number.isInteger(indexOffset) && indexOffset >= 0)) throw new EngineError(`gather: indexOffset must be a whole number >= 0, got ${indexOffset}.`);
  checkFits('gather', 'index', index, indexOffset + rows);
  checkFits('gather', 'out', out, rows * dim);
  checkDistinct('gather', [out], [src, index]);
}

/**
 * Gathers queued back to back that read the same index range: the trainer's features,
 * targets and weights of one batch become one dispatch. Anything else flushes first.
 */
export interface GatherQueue extends HeldOp {
  push(op: GatherCall): void;
}

export function createGatherQueue(context: KernelContext): GatherQueue {
  const queued: GatherCall[] = [];
  const joins = (op: GatherCall): boolean => {
    if (queued.length === 0) return true;
    const first = queued[0];
    if (queued.length === SLOTS || op.index !== first.index || op.indexOffset !== first.indexOffset || op.rows !== first.rows) return false;
    // Only slot 0 reads bytes.
    if (op.src instanceof GpuByteTensor) return false;
    // One dispatch may not read a buffer another slot writes, nor write one buffer twice.
    const outs = [...queued.map((q) => q.out), op.out];
    const ins = [...queued.map((q) => q.src), op.src, op.index];
    return outs.every((out, i) => ins.every((input) => input.buffer !== out.buffer) && outs.every((other, j) => i === j || other.buffer !== out.buffer));
  };
  const flush = () => {
    if (queued.length === 0) return;
    const { index, indexOffset, rows } = queued[0];
    const slot = (s: number) => queued[s] ?? null;
    const bytes = queued[0].src instanceof GpuByteTensor ? queued[0].src : null;
    const params = { indexOffset, rows, dim0: slot(0)?.dim ?? 0, dim1: slot(1)?.dim ?? 0, dim2: slot(2)?.dim ?? 0, src0Bytes: bytes?.size ?? 0 };

    const bindings = {
      index,
      errors: context.recorder.errors,
      ...Object.fromEntries(
        Array.from({ length: SLOTS }, (_, s) => [
          [`src${s}`, slot(s)?.src ?? context.unusedInput],
          [`out${s}`, slot(s)?.out ?? context.unusedOutputs[s]],
        ]).flat(),
      ),
    };
    queued.length = 0;
    // Wide rows (an image's pixels): a workgroup per row. Narrow rows (2-D points, targets): an invocation per row.
    const shape = Math.max(params.dim0, params.dim1, params.dim2) > 16 ? { COLS: 64, ROWS: 1 } : { COLS: 1, ROWS: 64 };
    if (rows > 0) enqueue(context, bytes ? GATHER_BYTES : GATHER, { constants: shape }, params, bindings, [1, Math.min(Math.ceil(rows / shape.ROWS), 65535)]);
  };
  return {
    push(op) {
      if (!joins(op)) flush();
      queued.push(op);
    },
    flush,
  };
}

/** The op on WebGPU: held in this backend's gather queue, merging with the gathers that follow it. */
export function webgpuGather(gpu: GpuOpContext): GatherOp['gather'] {
  const queue = createGatherQueue(gpu);
  return (src, dim, index, indexOffset, rows, out) => {
    gpu.begin((held) => held === queue);
    const op = { src: src.dtype === 'u8' ? gpuByteTensor(src) : gpuTensor(src), dim, index: gpuIndexTensor(index), indexOffset, rows, out: gpuTensor(out) };
    checkGather(op);
    queue.push(op);
    gpu.hold(queue);
  };
}
