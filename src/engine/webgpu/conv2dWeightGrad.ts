import { EngineError, type ConvShape } from '../backend.ts';
import { checkConvShape } from '../convShape.ts';
import type { GpuTensor } from './arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import source from './conv2dWeightGrad.wgsl?raw';

const CONV2D_WEIGHT_GRAD = defineKernel('conv2dWeightGrad', source);

/** Enqueues dw and db of conv2d (see Backend.conv2dWeightGrad): one workgroup per (input channel or bias, output channel). */
export function encodeConv2dWeightGrad(context: KernelContext, x: GpuTensor, dy: GpuTensor, dw: GpuTensor, db: GpuTensor, rows: number, shape: ConvShape): void {
  checkConvShape('conv2dWeightGrad', rows, shape);
  const { inChannels, outChannels, height, width, kernel } = shape;
  const plane = height * width;
  checkFits('conv2dWeightGrad', 'x', x, rows * inChannels * plane);
  checkFits('conv2dWeightGrad', 'dy', dy, rows * outChannels * plane);
  checkFits('conv2dWeightGrad', 'dw', dw, outChannels * inChannels * kernel * kernel);
  checkFits('conv2dWeightGrad', 'db', db, outChannels);
  checkDistinct('conv2dWeightGrad', [dw, db], [x, dy]);
  if (inChannels + 1 > 65535 || outChannels > 65535) throw new EngineError(`conv2dWeightGrad: ${inChannels}→${outChannels} channels exceed one dispatch.`);
  // rows = 0 still runs: the gradients of an empty batch are zeros, as the CPU writes them.
  enqueue(context, CONV2D_WEIGHT_GRAD, {}, { rows, inChannels, outChannels, height, width, kernel }, { x, dy, dw, db }, [inChannels + 1, outChannels]);
}
