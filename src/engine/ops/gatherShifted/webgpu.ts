import type { ImageShape } from '../../core/shapes.ts';
import { streamKeys } from '../shared/random.ts';
import { checkShift } from './shift.ts';
import { GpuByteTensor, gpuByteTensor, gpuIndexTensor, gpuTensor, type GpuIndexTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { imageGatherGroups, imageGatherKernels } from '../gather/imageGather.ts';
import source from './gatherShifted.wgsl?raw';
import type { GatherShiftedOp } from './gatherShifted.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const KERNELS = imageGatherKernels('gatherShifted', source);

/** Enqueues the shifted image gather (see Backend.gatherShifted): a workgroup per row; row indices are checked on the GPU. */
export function encodeGatherShifted(
  context: KernelContext,
  src: GpuTensor | GpuByteTensor,
  shape: ImageShape,
  index: GpuIndexTensor,
  indexOffset: number,
  rows: number,
  out: GpuTensor,
  maxShift: number,
  seed: number,
  counter: number,
): void {
  checkShift(shape, maxShift);
  const { channels, height, width } = shape;
  checkFits('gatherShifted', 'index', index, indexOffset + rows);
  checkFits('gatherShifted', 'out', out, rows * channels * height * width);
  checkDistinct('gatherShifted', [out], [src, index]);
  if (rows === 0) return;
  const keys = streamKeys(seed, counter, { a: 0, b: 0 });
  const bytes = src instanceof GpuByteTensor;
  const params = { indexOffset, rows, channels, height, width, maxShift, keyA: keys.a, keyB: keys.b, srcBytes: bytes ? src.size : 0 };
  const bindings = { index, src, out, errors: context.recorder.errors };
  enqueue(context, bytes ? KERNELS.bytes : KERNELS.floats, {}, params, bindings, imageGatherGroups(rows));
}

export const webgpuGatherShifted = (gpu: GpuOpContext): GatherShiftedOp['gatherShifted'] => (src, shape, index, indexOffset, rows, out, maxShift, seed, counter) => {
  gpu.begin();
  encodeGatherShifted(gpu, src.dtype === 'u8' ? gpuByteTensor(src) : gpuTensor(src), shape, gpuIndexTensor(index), indexOffset, rows, gpuTensor(out), maxShift, seed, counter);
};
