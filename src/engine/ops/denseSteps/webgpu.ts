import { EngineError } from '../../core/errors.ts';
import { dropoutThreshold, NOISE_SCALE, streamKeys } from '../shared/random.ts';
import { gpuIndexTensor, gpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from '../../webgpu/context.ts';
import activation from '../activationBackward/activation.wgsl?raw';
import { ACTIVATION_CODE } from '../activationBackward/webgpu.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import noise from '../shared/noise.wgsl?raw';
import random from '../shared/random.wgsl?raw';
import type { DenseSteps, DenseStepsOp } from './denseSteps.ts';
import source from './denseSteps.wgsl?raw';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const DENSE_STEPS = defineKernel('denseSteps', `${random}\n${noise}\n${activation}\n${source}`);

/** The shader's MAX_WIDTH and MAX_LAYERS: plans beyond them run as per-step ops. */
const MAX_WIDTH = 32;
const MAX_LAYERS = 5;

/**
 * Multiply-adds one dispatch may take per model (steps × rows × parameters, about three
 * per parameter and row): a few milliseconds on one GPU thread, so a dispatch stays far
 * from watchdog limits while an epoch of a playground model needs only a handful.
 */
const WORK_PER_DISPATCH = 1 << 20;

/**
 * Invocations (models) per workgroup. A software adapter runs a workgroup's invocations in
 * SIMD lanes of 4 and spreads workgroups over its threads, so 4 keeps lanes full and
 * threads busy; a GPU takes a warp's worth.
 */
const workgroupSize = (context: KernelContext) => (context.software ? 4 : 32);

/** Whether the fused kernel takes this plan. */
export function fusesDenseSteps(run: DenseSteps): boolean {
  const { layers, inputDim } = run;
  if (layers.length < 1 || layers.length > MAX_LAYERS || inputDim < 1 || inputDim > MAX_WIDTH) return false;
  let inDim = inputDim;
  for (const [l, layer] of layers.entries()) {
    if (layer.units < 1 || layer.units > MAX_WIDTH) return false;
    if (layer.dropout > 0 && l === layers.length - 1) return false;
    const inside = (offset: number, size: number) => Number.isInteger(offset) && offset >= 0 && offset + size <= run.parameterCount;
    if (!inside(layer.weights, inDim * layer.units) || !inside(layer.bias, layer.units)) return false;
    inDim = layer.units;
  }
  return inDim >= 2;
}

/** Enqueues `run` as fused dispatches (see denseSteps.wgsl); false when the plan does not fit the kernel. */
export function encodeDenseSteps(context: KernelContext, run: DenseSteps): boolean {
  if (!fusesDenseSteps(run)) return false;
  const [features, targets, rowWeights, parameters, gradients, moments, stats] = [
    run.features, run.targets, run.weights, run.parameters, run.gradients, run.moments, run.stats,
  ].map(gpuTensor);
  const order = gpuIndexTensor(run.order);
  const { start, length, batch, parameterCount, counter } = run;
  const whole = (name: string, value: number, min: number) => {
    if (!(Number.isInteger(value) && value >= min)) throw new EngineError(`denseSteps: ${name} must be a whole number >= ${min}, got ${value}.`);
  };
  whole('batch', batch, 1);
  whole('start', start, 0);
  whole('counter', counter, 1);
  checkFits('denseSteps', 'order', order, length);
  for (const [name, tensor] of [['parameters', parameters], ['gradients', gradients]] as const) checkFits('denseSteps', name, tensor, parameterCount);
  checkFits('denseSteps', 'moments', moments, 2 * parameterCount);
  checkFits('denseSteps', 'stats', stats, 4);
  checkDistinct('denseSteps', [parameters, gradients, moments, stats], [features, targets, rowWeights, order]);
  if (start >= length) return true;

  const layerFields: Record<string, number> = {};
  for (let l = 0; l < MAX_LAYERS; l++) {
    const layer = run.layers[l];
    layerFields[`units${l}`] = layer?.units ?? 0;
    layerFields[`activation${l}`] = layer ? ACTIVATION_CODE[layer.activation] : 0;
    layerFields[`weights${l}`] = layer?.weights ?? 0;
    layerFields[`bias${l}`] = layer?.bias ?? 0;
    if (l === MAX_LAYERS - 1) continue;
    const rate = layer?.dropout ?? 0;
    layerFields[`keep${l}`] = rate > 0 ? dropoutThreshold(rate) : 0;
    layerFields[`dropScale${l}`] = rate > 0 ? Math.fround(1 / (1 - rate)) : 1;
    layerFields[`dropKey${l}`] = streamKeys(layer?.dropoutSeed ?? 0, 0, { a: 0, b: 0 }).a;
  }
  const optimizer = run.optimizer;
  const adam = optimizer.kind === 'adam' ? optimizer.hyper : null;
  const sgd = optimizer.kind === 'sgd' ? optimizer.hyper : null;
  const fixed = {
    batch,
    length,
    inputDim: run.inputDim,
    layers: run.layers.length,
    parameterCount,
    adam: adam ? 1 : 0,
    lr: optimizer.hyper.lr,
    momentum: sgd?.momentum ?? 0,
    l2: optimizer.hyper.l2,
    beta1: adam?.beta1 ?? 0,
    beta2: adam?.beta2 ?? 0,
    epsilon: adam?.epsilon ?? 0,
    inputNoise: run.inputNoise,
    inputNoiseKey: streamKeys(run.inputNoiseSeed, 0, { a: 0, b: 0 }).a,
    ...layerFields,
  };
  const tensors = { features, targets, rowWeights, order, parameters, gradients, moments, stats };
  const wg = workgroupSize(context);
  const variant = { constants: { WG: wg, NOISE_SCALE } };
  const stepsPerDispatch = Math.max(1, Math.floor(WORK_PER_DISPATCH / (batch * Math.max(parameterCount, 1))));
  const models = Math.max(...[parameters, gradients, moments, stats].map((t) => t.models));
  const totalSteps = Math.ceil((length - start) / batch);
  for (let done = 0; done < totalSteps; done += stepsPerDispatch) {
    const steps = Math.min(stepsPerDispatch, totalSteps - done);
    const params = { ...fixed, steps, start: start + done * batch, counter: counter + done };
    enqueue(context, DENSE_STEPS, variant, params, tensors, [Math.ceil(models / wg), 1, 1]);
  }
  return true;
}

export const webgpuDenseSteps = (gpu: GpuOpContext): NonNullable<DenseStepsOp['denseSteps']> => (run) => {
  gpu.begin();
  return encodeDenseSteps(gpu, run);
};
