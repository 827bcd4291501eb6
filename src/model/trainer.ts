import { EngineError, STATS, type AdamStep, type Backend, type ByteTensor, type IndexTensor, type SgdStep, type Tensor } from '../engine/backend.ts';
import { createBatchTensors, destroyAll } from './buffers.ts';
import { denseLayers, densePlan } from './denseRun.ts';
import { streamSeed, type NoiseStep } from './layers/layer.ts';
import type { LayerStack } from './stack.ts';
import type { EpochStats, TrainHyper } from './types.ts';

const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/** The image shift's noise stream: apart from the input noise's (0) and the layers' (1, 2, ...). */
const SHIFT_STREAM = -1;
/** Mixup's stream of blend weights. */
const MIX_STREAM = -2;
/** The rotation task's stream of quarter turns. */
const ROTATE_STREAM = -3;

/**
 * The training set on the backend: features (owned by the caller's DeviceRows; floats or pixel
 * bytes), targets (null under a self-supervised task, which makes its own), weights.
 */
export interface TrainingTensors {
  features: Tensor | ByteTensor;
  targets: Tensor | null;
  weights: Tensor;
}

/** Enqueues an epoch's training steps for a layer stack and reads its stats once. */
export interface Trainer {
  /** The tensor a batch's features are gathered into (prediction reuses it). */
  readonly batchFeatures: Tensor;
  /** Grows the batch and activation tensors to hold `rows` rows. */
  ensureCapacity(rows: number): void;
  /** Trains one epoch over `order` (an index tensor holding `length` row indices); the stats of each stacked model. */
  epoch(set: TrainingTensors, order: IndexTensor, length: number, hyper: TrainHyper, noiseSeed: number): Promise<EpochStats[]>;
  /** Restarts the optimizer: zero moments, step count 0. */
  resetOptimizer(): void;
  dispose(): void;
}

export function createTrainer(backend: Backend, stack: LayerStack, inputDim: number, classes: number): Trainer {
  const { models } = stack;
  let batch = createBatchTensors(backend, inputDim, classes, stack.capacity, models);
  const stats = backend.createTensor(STATS.size, 'epoch stats', models);
  const noise: NoiseStep = { seed: 0, counter: 0 };
  const sgd: SgdStep = { lr: 0, momentum: 0, l2: 0 };
  const adam: AdamStep = { lr: 0, ...ADAM, l2: 0, step: 0 };
  /** Optimizer steps since the parameters were set: Adam's t, and the noise counter. */
  let step = 0;
  /** An MLP's layers for backends that fuse whole steps (Backend.denseSteps). */
  const plan = backend.denseSteps ? densePlan(stack) : null;

  const optimize = (hyper: TrainHyper) => {
    const { parameters, gradients, moments, decay, layout } = stack;
    if (hyper.optimizer === 'adam') {
      adam.lr = hyper.lr;
      adam.l2 = hyper.l2;
      adam.step = step;
      backend.adamStep(parameters, gradients, moments, decay, layout.paddedSize, adam);
    } else {
      sgd.lr = hyper.lr;
      sgd.momentum = hyper.momentum;
      sgd.l2 = hyper.l2;
      backend.sgdStep(parameters, gradients, moments, decay, layout.paddedSize, sgd);
    }
  };

  /** Enqueues one step on the rows order[start, start + rows): gather, noise, forward, loss, backward, update. */
  const trainStep = (set: TrainingTensors, order: IndexTensor, start: number, rows: number, hyper: TrainHyper) => {
    const { shift, task } = hyper;
    if (task?.kind === 'rotate') {
      backend.gatherRotated(set.features, task.image, order, start, rows, batch.x, batch.targets, streamSeed(noise, ROTATE_STREAM), noise.counter);
    } else {
      if (shift && shift.pixels > 0) backend.gatherShifted(set.features, shift.image, order, start, rows, batch.x, shift.pixels, streamSeed(noise, SHIFT_STREAM), noise.counter);
      else backend.gather(set.features, inputDim, order, start, rows, batch.x);
      // A reconstruction's targets are the clean inputs, gathered before the noise.
      if (task?.kind === 'reconstruct') backend.gather(set.features, inputDim, order, start, rows, batch.targets);
      else if (set.targets) backend.gather(set.targets, classes, order, start, rows, batch.targets);
      else throw new EngineError('A training set without targets trains only a self-supervised task (TrainHyper.task).');
    }
    backend.gather(set.weights, 1, order, start, rows, batch.weights);
    if (hyper.mixup) backend.mixBatch(batch.x, inputDim, batch.targets, classes, batch.weights, rows, streamSeed(noise, MIX_STREAM), noise.counter);
    if (hyper.inputNoise > 0) backend.addNoise(batch.x, rows * inputDim, hyper.inputNoise, streamSeed(noise, 0), noise.counter);
    const logits = stack.forward(batch.x, rows, noise);
    if (task?.kind === 'reconstruct') backend.reconstructionLoss(logits, batch.targets, batch.weights, rows, classes, batch.dLogits, stats);
    else backend.softmaxCrossEntropy(logits, batch.targets, batch.weights, rows, classes, batch.dLogits, stats);
    stack.backward(batch.dLogits, rows, noise);
    optimize(hyper);
  };

  /** Enqueues the epoch's steps as one fused run; false when the backend cannot fuse them. */
  const fusedSteps = (set: TrainingTensors, order: IndexTensor, length: number, hyper: TrainHyper): boolean => {
    const { features, targets } = set;
    // The fused kernel reads float rows and their targets as they are: shifted images, mixed batches and self-supervised tasks take the per-step ops.
    if (!plan || !backend.denseSteps || features.dtype !== 'f32' || !targets || (hyper.shift?.pixels ?? 0) > 0 || hyper.mixup || hyper.task) return false;
    const { parameters, gradients, moments, layout } = stack;
    return backend.denseSteps({
      inputDim,
      layers: denseLayers(plan, noise),
      ...set,
      features,
      targets,
      order,
      start: 0,
      length,
      batch: hyper.batch,
      parameters,
      gradients,
      moments,
      parameterCount: layout.paddedSize,
      stats,
      counter: step + 1,
      inputNoise: hyper.inputNoise,
      inputNoiseSeed: streamSeed(noise, 0),
      optimizer:
        hyper.optimizer === 'adam'
          ? { kind: 'adam', hyper: { lr: hyper.lr, ...ADAM, l2: hyper.l2 } }
          : { kind: 'sgd', hyper: { lr: hyper.lr, momentum: hyper.momentum, l2: hyper.l2 } },
    });
  };

  return {
    get batchFeatures() {
      return batch.x;
    },
    ensureCapacity(rows) {
      if (rows <= stack.capacity) return;
      stack.allocate(rows);
      batch = createBatchTensors(backend, inputDim, classes, rows, models, batch);
    },
    async epoch(set, order, length, hyper, noiseSeed) {
      backend.fill(stats, 0);
      noise.seed = noiseSeed >>> 0;
      const steps = Math.ceil(length / hyper.batch);
      if (fusedSteps(set, order, length, hyper)) {
        step += steps;
      } else {
        for (let start = 0; start < length; start += hyper.batch) {
          noise.counter = ++step;
          trainStep(set, order, start, Math.min(hyper.batch, length - start), hyper);
        }
      }
      const read = await backend.read(stats, STATS.size);
      return Array.from({ length: models }, (_, k) => {
        const totals = read.subarray(k * STATS.size, (k + 1) * STATS.size);
        const weight = totals[STATS.weight];
        const rows = totals[STATS.rows];
        return { loss: weight > 0 ? totals[STATS.weightedLoss] / weight : 0, accuracy: rows > 0 ? totals[STATS.correct] / rows : 0, steps };
      });
    },
    resetOptimizer() {
      backend.fill(stack.moments, 0);
      step = 0;
    },
    dispose() {
      destroyAll(backend, [...Object.values(batch), stats]);
    },
  };
}
