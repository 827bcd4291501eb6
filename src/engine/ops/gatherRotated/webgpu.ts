import type { ImageShape } from '../../core/shapes.ts';
import { streamKeys } from '../shared/random.ts';
import { checkRotation } from './rotation.ts';
import { GpuByteTensor, gpuByteTensor, gpuIndexTensor, gpuTensor, type GpuIndexTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import { sourceDeclaration } from '../gather/pixelSource.ts';
import random from '../shared/random.wgsl?raw';
import source from './gatherRotated.wgsl?raw';
import sourceRow from '../gather/sourceRow.wgsl?raw';
import { ROTATIONS, type GatherRotatedOp } from './gatherRotated.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const GATHER_ROTATED = defineKernel('gatherRotated', `${random}\n${sourceDeclaration('src', 2, false)}\n${sourceRow}\n${source}`);
const GATHER_ROTATED_BYTES = defineKernel('gatherRotatedBytes', `${random}\n${sourceDeclaration('src', 2, true)}\n${sourceRow}\n${source}`);

/** WebGPU's default maxComputeWorkgroupsPerDimension: more rows than this stride. */
const MAX_GROUPS = 65535;

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
  enqueue(context, bytes ? GATHER_ROTATED_BYTES : GATHER_ROTATED, {}, params, bindings, [Math.min(rows, MAX_GROUPS)]);
}

export const webgpuGatherRotated = (gpu: GpuOpContext): GatherRotatedOp['gatherRotated'] => (src, shape, index, indexOffset, rows, out, targets, seed, counter) => {
  gpu.begin();
  encodeGatherRotated(gpu, src.dtype === 'u8' ? gpuByteTensor(src) : gpuTensor(src), shape, gpuIndexTensor(index), indexOffset, rows, gpuTensor(out), gpuTensor(targets), seed, counter);
};
