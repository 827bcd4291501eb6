import type { ImageShape } from '../backend.ts';
import { streamKeys } from '../cpu/random.ts';
import { checkShift } from '../cpu/shift.ts';
import { GpuByteTensor, type GpuIndexTensor, type GpuTensor } from './arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import { sourceDeclaration } from './pixelSource.ts';
import random from './random.wgsl?raw';
import source from './gatherShifted.wgsl?raw';
import sourceRow from './sourceRow.wgsl?raw';

const GATHER_SHIFTED = defineKernel('gatherShifted', `${random}\n${sourceDeclaration('src', 2, false)}\n${sourceRow}\n${source}`);
const GATHER_SHIFTED_BYTES = defineKernel('gatherShiftedBytes', `${random}\n${sourceDeclaration('src', 2, true)}\n${sourceRow}\n${source}`);

/** WebGPU's default maxComputeWorkgroupsPerDimension: more rows than this stride. */
const MAX_GROUPS = 65535;

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
  enqueue(context, bytes ? GATHER_SHIFTED_BYTES : GATHER_SHIFTED, {}, params, bindings, [Math.min(rows, MAX_GROUPS)]);
}
