import type { ImageShape } from '../../core/shapes.ts';
import { streamKeys } from '../shared/random.ts';
import { checkRotation } from './rotation.ts';
import { GpuByteTensor, gpuByteTensor, gpuIndexTensor, gpuTensor, type GpuIndexTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { imageGatherGroups, imageGatherKernels } from '../gather/imageGather.ts';
import source from './gatherRotated.wgsl?raw';
import { ROTATIONS, type GatherRotatedOp } from './gatherRotated.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const KERNELS = imageGatherKernels('gatherRotated', source);

/** Enqueues the rotated image gather (see Backend.gatherRotated): a workgroup per row; row indices are checked on the GPU. */
export function encodeGatherRotated(
  context: KernelContext,
  src: GpuTensor | GpuByteTensor,
  shape: ImageShape,
  index: GpuIndexTensor,
  indexOffset: number,
  rows: number,
  out: GpuTensor,
  targets: GpuTensor,
  seed: number,
  counter: number,
): void {
  checkRotation(shape);
  const { channels, width: side } = shape;
  checkFits('gatherRotated', 'index', index, indexOffset + rows);
  checkFits('gatherRotated', 'out', out, rows * channels * side * side);
  checkFits('gatherRotated', 'targets', targets, rows * ROTATIONS);
  checkDistinct('gatherRotated', [out, targets], [src, index]);
  if (rows === 0) return;
  const keys = streamKeys(seed, counter, { a: 0, b: 0 });
  const bytes = src instanceof GpuByteTensor;
  const params = { indexOffset, rows, channels, side, keyA: keys.a, keyB: keys.b, srcBytes: bytes ? src.size : 0 };
  const bindings = { index, src, out, targets, errors: context.recorder.errors };
  enqueue(context, bytes ? KERNELS.bytes : KERNELS.floats, {}, params, bindings, imageGatherGroups(rows));
}

export const webgpuGatherRotated = (gpu: GpuOpContext): GatherRotatedOp['gatherRotated'] => (src, shape, index, indexOffset, rows, out, targets, seed, counter) => {
  gpu.begin();
  encodeGatherRotated(gpu, src.dtype === 'u8' ? gpuByteTensor(src) : gpuTensor(src), shape, gpuIndexTensor(index), indexOffset, rows, gpuTensor(out), gpuTensor(targets), seed, counter);
};
