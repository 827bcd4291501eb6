import { EngineError, STATS, type AdamStep, type Backend, type IndexTensor, type SgdStep, type Tensor } from '../engine/backend.ts';
import { checkLength, createBatchTensors, destroyAll, growIndexTensor, growTensor } from './buffers.ts';
import { initialParameters } from './init.ts';
import { packParameters, unpackParameters } from './layout.ts';
import { streamSeed, type NoiseStep } from './layers/layer.ts';
import { mlpLayers } from './mlp.ts';
import { rowFeatures } from './rows.ts';
import { createLayerStack } from './stack.ts';
import type { EpochStats, ModelSpec, Network, TrainHyper } from './types.ts';

interface TrainingTensors {
  features: Tensor;
  targets: Tensor;
  weights: Tensor;
}

/** Rows per evaluation chunk (at least); also the smallest activation capacity. */
export const PREDICT_CHUNK = 256;
const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/**
 * Builds a classifier on `backend` with seeded initial weights. An epoch enqueues every
 * batch's ops (gather, noise, forward, loss, backward, optimizer) and reads its stats once.
 */
export function createNetwork(backend: Backend, spec: ModelSpec, seed: number): Network {
  const { inputDim, classes } = spec;
  const stack = createLayerStack(backend, inputDim, mlpLayers(spec), PREDICT_CHUNK);
  const { layout } = stack;
  backend.write(stack.parameters, initialParameters(layout, seed));
  let batch = createBatchTensors(backend, inputDim, classes, stack.capacity);
  const stats = backend.createTensor(STATS.size, 'epoch stats');
  /** The training set: features (owned by the caller's DeviceRows), targets and weights. */
  let train: TrainingTensors | null = null;
  /** Tensors that grow to the largest training set, epoch order and prediction seen. */
  const grown = {
    targets: null as Tensor | null,
    weights: null as Tensor | null,
    order: null as IndexTensor | null,
    iota: null as IndexTensor | null,
    probs: null as Tensor | null,
  };
  const noise: NoiseStep = { seed: 0, counter: 0 };
  const sgd: SgdStep = { lr: 0, momentum: 0, l2: 0 };
  const adam: AdamStep = { lr: 0, ...ADAM, l2: 0, step: 0 };
  let step = 0;

  /** Enqueues one optimizer step on the rows order[start, start + rows). */
  const trainStep = (set: TrainingTensors, order: IndexTensor, start: number, rows: number, hyper: TrainHyper) => {
    backend.gather(set.features, inputDim, order, start, rows, batch.x);
    backend.gather(set.targets, classes, order, start, rows, batch.targets);
    backend.gather(set.weights, 1, order, start, rows, batch.weights);
    if (hyper.inputNoise > 0) backend.addNoise(batch.x, rows * inputDim, hyper.inputNoise, streamSeed(noise, 0), noise.counter);
    const logits = stack.forward(batch.x, rows, noise);
    backend.softmaxCrossEntropy(logits, batch.targets, batch.weights, rows, classes, batch.dLogits, stats);
    stack.backward(batch.dLogits, rows, noise);
    if (hyper.optimizer === 'adam') {
      adam.lr = hyper.lr;
      adam.l2 = hyper.l2;
      adam.step = step;
      backend.adamStep(stack.parameters, stack.gradients, stack.moments, stack.decay, layout.paddedSize, adam);
    } else {
      sgd.lr = hyper.lr;
      sgd.momentum = hyper.momentum;
      sgd.l2 = hyper.l2;
      backend.sgdStep(stack.parameters, stack.gradients, stack.moments, stack.decay, layout.paddedSize, sgd);
    }
  };

  const epochStats = (totals: Float32Array, steps: number): EpochStats => {
    const weight = totals[STATS.weight];
    const rows = totals[STATS.rows];
    return { loss: weight > 0 ? totals[STATS.weightedLoss] / weight : 0, accuracy: rows > 0 ? totals[STATS.correct] / rows : 0, steps };
  };

  return {
    spec,
    parameterCount: layout.count,
    setTrainingSet(rows, targets, weights) {
      const features = rowFeatures(backend, rows, inputDim);
      checkLength('setTrainingSet targets (rows × classes)', targets, rows.n * classes);
      checkLength('setTrainingSet weights (one per row)', weights, rows.n);
      grown.targets = growTensor(backend, grown.targets, rows.n * classes, 'training targets');
      grown.weights = growTensor(backend, grown.weights, rows.n, 'training weights');
      backend.write(grown.targets, targets);
      backend.write(grown.weights, weights);
      train = { features, targets: grown.targets, weights: grown.weights };
    },
    async trainEpoch(order, hyper, noiseSeed) {
      if (!train) throw new EngineError('trainEpoch before setTrainingSet: give the network its training rows first.');
      if (!(Number.isInteger(hyper.batch) && hyper.batch >= 1)) throw new EngineError(`Batch size must be a whole number >= 1, got ${hyper.batch}.`);
      if (hyper.batch > stack.capacity) {
        stack.allocate(hyper.batch);
        batch = createBatchTensors(backend, inputDim, classes, hyper.batch, batch);
      }
      const orderTensor = (grown.order = growIndexTensor(backend, grown.order, order.length, 'epoch order'));
      backend.writeIndices(orderTensor, order);
      backend.fill(stats, 0);
      noise.seed = noiseSeed >>> 0;
      let steps = 0;
      for (let start = 0; start < order.length; start += hyper.batch, steps++) {
        noise.counter = ++step;
        trainStep(train, orderTensor, start, Math.min(hyper.batch, order.length - start), hyper);
      }
      return epochStats(await backend.read(stats, STATS.size), steps);
    },
    async predict(rows) {
      const features = rowFeatures(backend, rows, inputDim);
      if (rows.n === 0) return new Float32Array(0);
      const previousIota = grown.iota;
      const iota = (grown.iota = growIndexTensor(backend, grown.iota, rows.n, 'row numbers'));
      if (iota !== previousIota) backend.writeIndices(iota, Int32Array.from({ length: iota.size }, (_, i) => i));
      const probs = (grown.probs = growTensor(backend, grown.probs, rows.n * classes, 'predicted probabilities'));
      for (let start = 0; start < rows.n; start += stack.capacity) {
        const count = Math.min(stack.capacity, rows.n - start);
        backend.gather(features, inputDim, iota, start, count, batch.x);
        backend.softmax(stack.forward(batch.x, count, null), count, classes, probs, start);
      }
      return backend.read(probs, rows.n * classes);
    },
    async getParameters() {
      return packParameters(layout, await backend.read(stack.parameters, layout.paddedSize));
    },
    setParameters(parameters) {
      checkLength('setParameters', parameters, layout.count);
      backend.write(stack.parameters, unpackParameters(layout, parameters));
      backend.fill(stack.moments, 0);
      step = 0;
    },
    dispose() {
      stack.dispose();
      destroyAll(backend, [...Object.values(batch), ...Object.values(grown), stats]);
      train = null;
    },
  };
}
