import { EngineError } from '../../core/errors.ts';
import { checkConvShape, type ConvShape } from '../../core/shapes.ts';
import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { bindsApart, checkDistinct, checkFits, enqueue, sharedWindow, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import type { Conv2dOp } from './conv2d.ts';
import source from './conv2dWeightGrad.wgsl?raw';
import { GRADIENT_CHANNELS, weightGradTilesKernel } from './conv2dTiles.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const CONV2D_WEIGHT_GRAD = defineKernel('conv2dWeightGrad', source);

/** Invocations per workgroup: 256 keep a GPU busy even for a first layer's few (input, output) channel pairs. */
const INVOCATIONS = 256;
/** Invocations per workgroup of conv2dWeightGradTiles.wgsl, each taking every 16th image. */
const TILES_WG = 16;

/**
 * Enqueues dw and db of conv2d (see Backend.conv2dWeightGrad): on a GPU one workgroup per
 * (input channel or bias, output channel), its invocations splitting the sum; on a software
 * adapter one workgroup per 4 output channels and input channel (conv2dWeightGradTiles.wgsl).
 */
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
  // Stacked views of one gradient buffer bind as one window (see sharedWindow).
  const apart = bindsApart(dw, db);
  const shared = apart ? null : sharedWindow(dw, db);
  if (!apart && !shared) throw new EngineError(`conv2dWeightGrad: each model's "${db.label}" must follow its "${dw.label}" in one buffer, or lie apart from it.`);
  const params = { rows, inChannels, outChannels, height, width, dbInDw: shared ? 1 : 0, dbAt: shared?.secondAt ?? 0 };
  const tensors = { x, dy, ...(shared ? { dw: shared.window, db: context.unusedOutputs[0] } : { dw, db }) };
  if (context.software) {
    const groups = Math.ceil(outChannels / GRADIENT_CHANNELS) * inChannels;
    if (groups > 65535) throw new EngineError(`conv2dWeightGrad: ${inChannels}→${outChannels} channels exceed one dispatch.`);
    enqueue(context, weightGradTilesKernel(kernel), { constants: { WG: TILES_WG } }, params, tensors, [groups]);
    return;
  }
  const lanes = Math.floor(INVOCATIONS / (kernel * kernel));
  enqueue(context, CONV2D_WEIGHT_GRAD, {}, { ...params, kernel, lanes }, tensors, [inChannels + 1, outChannels]);
}

export const webgpuConv2dWeightGrad = (gpu: GpuOpContext): Conv2dOp['conv2dWeightGrad'] => (x, dy, dw, db, rows, shape) => {
  gpu.begin();
  encodeConv2dWeightGrad(gpu, gpuTensor(x), gpuTensor(dy), gpuTensor(dw), gpuTensor(db), rows, shape);
};
