import { EngineError } from '../../core/errors.ts';
import { checkConvShape, type Activation, type ConvShape } from '../../core/shapes.ts';
import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from '../../webgpu/context.ts';
import activation from '../activationBackward/activation.wgsl?raw';
import { ACTIVATION_CODE } from '../activationBackward/webgpu.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import type { Conv2dOp } from './conv2d.ts';
import { TILE_CHANNELS, tilePixels, tilesKernel } from './conv2dTiles.ts';
import source from './conv2d.wgsl?raw';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const CONV2D = defineKernel('conv2d', `${activation}\n${source}`);

/** Pixels per workgroup and output channels per workgroup (the shader's PIXELS, BLOCK). */
const PIXELS = 64;
const BLOCK = 8;
/** WebGPU's default maxComputeWorkgroupsPerDimension. */
const MAX_GROUPS = 65535;

/** Workgroups for `pixels` output pixels of `channels` channels, or a clear error past the dispatch limit. */
function grid(op: string, pixels: number, channels: number): [number, number] {
  const groups = Math.ceil(pixels / PIXELS);
  if (groups > MAX_GROUPS) throw new EngineError(`${op}: ${pixels} pixels in one op exceed one dispatch (${MAX_GROUPS * PIXELS}); use fewer rows per batch.`);
  return [groups, Math.ceil(channels / BLOCK)];
}

/** Invocations per workgroup of conv2dTiles.wgsl. */
const TILES_WG = 64;

/** Workgroups of conv2dTiles.wgsl for `rows` images of `channels` output channels, or a clear error past the dispatch limit. */
function tilesGrid(op: string, rows: number, channels: number, height: number, width: number): [number] {
  const tiles = rows * Math.ceil(channels / TILE_CHANNELS) * height * Math.ceil(width / tilePixels(width));
  const groups = Math.ceil(tiles / TILES_WG);
  if (groups > MAX_GROUPS) throw new EngineError(`${op}: ${rows} images of ${channels}×${height}×${width} in one op exceed one dispatch; use fewer rows per batch.`);
  return [groups];
}

/** Enqueues out = act(conv(x, w) + b) (see Backend.conv2d): the implicit-GEMM kernel with its bias and activation epilogue. */
export function encodeConv2d(
  context: KernelContext,
  x: GpuTensor,
  w: GpuTensor,
  b: GpuTensor,
  out: GpuTensor,
  rows: number,
  shape: ConvShape,
  activation: Activation,
): void {
  checkConvShape('conv2d', rows, shape);
  const { inChannels, outChannels, height, width, kernel } = shape;
  const plane = height * width;
  checkFits('conv2d', 'x', x, rows * inChannels * plane);
  checkFits('conv2d', 'w', w, outChannels * inChannels * kernel * kernel);
  checkFits('conv2d', 'b', b, outChannels);
  checkFits('conv2d', 'out', out, rows * outChannels * plane);
  checkDistinct('conv2d', [out], [x, w, b]);
  if (rows === 0) return;
  if (context.software) {
    const variant = { constants: { WG: TILES_WG, HAS_BIAS: 1, ACTIVATION: ACTIVATION_CODE[activation] } };
    enqueue(context, tilesKernel(kernel, tilePixels(width)), variant, { rows, srcChannels: inChannels, dstChannels: outChannels, height, width }, { src: x, w, bias: b, out }, tilesGrid('conv2d', rows, outChannels, height, width));
    return;
  }
  enqueue(context, CONV2D, {}, { rows, srcChannels: inChannels, dstChannels: outChannels, height, width, kernel, hasBias: 1, activation: ACTIVATION_CODE[activation] }, { src: x, w, bias: b, out }, grid('conv2d', rows * plane, outChannels));
}

/** Enqueues dx = conv2d's input gradient from dy (see Backend.conv2dInputGrad): the same kernel, gathering mirrored. */
export function encodeConv2dInputGrad(context: KernelContext, dy: GpuTensor, w: GpuTensor, dx: GpuTensor, rows: number, shape: ConvShape): void {
  checkConvShape('conv2dInputGrad', rows, shape);
  const { inChannels, outChannels, height, width, kernel } = shape;
  const plane = height * width;
  checkFits('conv2dInputGrad', 'dy', dy, rows * outChannels * plane);
  checkFits('conv2dInputGrad', 'w', w, outChannels * inChannels * kernel * kernel);
  checkFits('conv2dInputGrad', 'dx', dx, rows * inChannels * plane);
  checkDistinct('conv2dInputGrad', [dx], [dy, w]);
  if (rows === 0) return;
  const params = { rows, srcChannels: outChannels, dstChannels: inChannels, height, width };
  if (context.software) {
    const variant = { constants: { INPUT_GRADIENT: 1, WG: TILES_WG } };
    enqueue(context, tilesKernel(kernel, tilePixels(width)), variant, params, { src: dy, w, bias: context.unusedInput, out: dx }, tilesGrid('conv2dInputGrad', rows, inChannels, height, width));
    return;
  }
  enqueue(context, CONV2D, { constants: { INPUT_GRADIENT: 1 } }, { ...params, kernel, hasBias: 0, activation: 0 }, { src: dy, w, bias: context.unusedInput, out: dx }, grid('conv2dInputGrad', rows * plane, inChannels));
}

export const webgpuConv2d = (gpu: GpuOpContext): Conv2dOp['conv2d'] => (x, w, b, out, rows, shape, activation) => {
  gpu.begin();
  encodeConv2d(gpu, gpuTensor(x), gpuTensor(w), gpuTensor(b), gpuTensor(out), rows, shape, activation);
};

export const webgpuConv2dInputGrad = (gpu: GpuOpContext): Conv2dOp['conv2dInputGrad'] => (dy, w, dx, rows, shape) => {
  gpu.begin();
  encodeConv2dInputGrad(gpu, gpuTensor(dy), gpuTensor(w), gpuTensor(dx), rows, shape);
};
