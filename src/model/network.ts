import { CLASSIFY, EngineError, type Backend, type ByteTensor, type IndexTensor, type Tensor } from '../engine/backend.ts';
import { checkLength, destroyAll, growIndexTensor, growTensor } from './buffers.ts';
import { cnnLayers } from './cnn.ts';
import { initialParameters } from './init.ts';
import type { LayerSpec } from './layers/layer.ts';
import { packParameters, unpackParameters } from './layout.ts';
import { mlpLayers } from './mlp.ts';
import { rowFeatures } from './rows.ts';
import { createLayerStack } from './stack.ts';
import { createTrainer, type TrainingTensors } from './trainer.ts';
import type { ModelSpec, Network, NetworkBatch } from './types.ts';

/** Rows per evaluation chunk (at least); also the smallest activation capacity. */
export const PREDICT_CHUNK = 256;

/**
 * Builds a classifier on `backend` with seeded initial weights. An epoch enqueues every
 * batch's ops and reads its stats once; prediction enqueues every chunk and reads once.
 */
export function createNetwork(backend: Backend, spec: ModelSpec, seed: number): Network {
  return memberNetwork(createNetworks(backend, spec, [seed]), 0);
}

/**
 * Model `k` of `batch` seen as one Network: what it reads (predictions, verdicts, parameters,
 * epoch stats) is model k's; what it writes acts on the whole batch (setParameters gives every
 * model the same parameters), and its dispose disposes the batch.
 */
export function memberNetwork(batch: NetworkBatch, k: number): Network {
  if (!(Number.isInteger(k) && k >= 0 && k < batch.models)) throw new EngineError(`memberNetwork: no model ${k} in a batch of ${batch.models}.`);
  return {
    spec: batch.spec,
    parameterCount: batch.parameterCount,
    setTrainingSet: (rows, targets, weights) => batch.setTrainingSet(rows, targets, weights),
    trainEpoch: async (order, hyper, noiseSeed) => (await batch.trainEpoch(order, hyper, noiseSeed))[k],
    predict: async (rows) => (await batch.predict(rows))[k],
    classify: async (rows) => (await batch.classify(rows))[k],
    getParameters: async () => (await batch.getParameters())[k],
    setParameters: (parameters) => batch.setParameters(Array.from({ length: batch.models }, () => parameters)),
    dispose: () => batch.dispose(),
  };
}

/** The layers of a model spec, the list its parameter layout follows: an MLP's or a CNN's. */
export function modelLayers(spec: ModelSpec): LayerSpec[] {
  return spec.kind === 'cnn' ? cnnLayers(spec) : mlpLayers(spec);
}

/**
 * Builds `seeds.length` classifiers of one spec whose every op runs over all of them at
 * once (stacked tensors: one dispatch per op on the GPU, whatever the count). The training
 * rows, targets and weights are shared; parameters, optimizer state and activations are
 * stacked.
 */
export function createNetworks(backend: Backend, spec: ModelSpec, seeds: readonly number[]): NetworkBatch {
  const { inputDim, classes } = spec;
  const models = seeds.length;
  if (models < 1) throw new EngineError('createNetworks needs at least one seed.');
  const stack = createLayerStack(backend, inputDim, modelLayers(spec), PREDICT_CHUNK, models);
  const { layout } = stack;
  const slice = stack.parameters.size;
  seeds.forEach((seed, k) => backend.write(stack.parameters, initialParameters(layout, seed), k * slice));
  const trainer = createTrainer(backend, stack, inputDim, classes);
  let train: TrainingTensors | null = null;
  let trainRows = 0;
  /** Tensors that grow to the largest training set, epoch order and prediction seen. */
  const grown = {
    targets: null as Tensor | null,
    weights: null as Tensor | null,
    order: null as IndexTensor | null,
    rowNumbers: null as IndexTensor | null,
    probs: null as Tensor | null,
    verdicts: null as Tensor | null,
  };
  /** Stacked prediction outputs grow like the rest, but stacked. */
  const growStacked = (current: Tensor | null, size: number, label: string): Tensor => {
    if (current && current.size >= size) return current;
    if (current) backend.destroy(current);
    return backend.createTensor(Math.max(size, 1), label, models);
  };
  /** Model k's part of a read of K × n values. */
  const split = (read: Float32Array, n: number) => Array.from({ length: models }, (_, k) => read.slice(k * n, (k + 1) * n));

  return {
    spec,
    models,
    parameterCount: layout.count,
    setTrainingSet(rows, targets, weights) {
      const { features, first } = rowFeatures(backend, rows, inputDim);
      if (first !== 0) throw new EngineError('setTrainingSet takes whole uploaded rows, not a rowRange.');
      checkLength('setTrainingSet weights (one per row)', weights, rows.n);
      if (targets) {
        checkLength('setTrainingSet targets (rows × classes)', targets, rows.n * classes);
        grown.targets = growTensor(backend, grown.targets, rows.n * classes, 'training targets');
        backend.write(grown.targets, targets);
      }
      grown.weights = growTensor(backend, grown.weights, rows.n, 'training weights');
      backend.write(grown.weights, weights);
      train = { features, targets: targets ? grown.targets : null, weights: grown.weights };
      trainRows = rows.n;
    },
    async trainEpoch(order, hyper, noiseSeed) {
      if (!train) throw new EngineError('trainEpoch before setTrainingSet: give the network its training rows first.');
      if (!(Number.isInteger(hyper.batch) && hyper.batch >= 1)) throw new EngineError(`Batch size must be a whole number >= 1, got ${hyper.batch}.`);
      const outside = order.findIndex((row) => !(row >= 0 && row < trainRows));
      if (outside >= 0) throw new EngineError(`trainEpoch: order[${outside}] = ${order[outside]} is not one of the ${trainRows} training rows.`);
      trainer.ensureCapacity(hyper.batch);
      grown.order = growIndexTensor(backend, grown.order, order.length, 'epoch order');
      backend.writeIndices(grown.order, order);
      return trainer.epoch(train, grown.order, order.length, hyper, noiseSeed);
    },
    async predict(rows) {
      const { features, first } = rowFeatures(backend, rows, inputDim);
      if (rows.n === 0) return split(new Float32Array(0), 0);
      const probs = (grown.probs = growStacked(grown.probs, rows.n * classes, 'predicted probabilities'));
      evaluate(features, first, rows.n, (logits, count, start) => backend.softmax(logits, count, classes, probs, start));
      return split(await backend.read(probs, rows.n * classes), rows.n * classes);
    },
    async outputs(rows) {
      const { features, first } = rowFeatures(backend, rows, inputDim);
      ensureRowNumbers(first + rows.n);
      const outputs = Array.from({ length: models }, () => new Float32Array(rows.n * classes));
      // Chunk by chunk, read as each is done: the outputs are shown, not trained on, so these reads are few.
      for (let start = 0; start < rows.n; start += stack.capacity) {
        const count = Math.min(stack.capacity, rows.n - start);
        const logits = forwardChunk(features, first + start, count);
        split(await backend.read(logits, count * classes), count * classes).forEach((chunk, k) => outputs[k].set(chunk, start * classes));
      }
      return outputs;
    },
    async classify(rows) {
      const { features, first } = rowFeatures(backend, rows, inputDim);
      const n = rows.n;
      if (n === 0) return split(new Float32Array(0), 0).map(() => ({ labels: new Int32Array(0), confidence: new Float32Array(0) }));
      const verdicts = (grown.verdicts = growStacked(grown.verdicts, n * CLASSIFY.size, 'class verdicts'));
      evaluate(features, first, n, (logits, count, start) => backend.classify(logits, count, classes, verdicts, start));
      const read = await backend.read(verdicts, n * CLASSIFY.size);
      return Array.from({ length: models }, (_, k) => {
        const labels = new Int32Array(n);
        const confidence = new Float32Array(n);
        for (let r = 0, at = k * n * CLASSIFY.size; r < n; r++, at += CLASSIFY.size) {
          labels[r] = read[at + CLASSIFY.label];
          confidence[r] = read[at + CLASSIFY.confidence];
        }
        return { labels, confidence };
      });
    },
    async getParameters() {
      return split(await backend.read(stack.parameters, layout.paddedSize), layout.paddedSize).map((padded) => packParameters(layout, padded));
    },
    setParameters(parameters) {
      if (parameters.length !== models) throw new EngineError(`setParameters: expected parameters for ${models} models, got ${parameters.length}.`);
      for (const packed of parameters) checkLength('setParameters', packed, layout.count);
      parameters.forEach((packed, k) => backend.write(stack.parameters, unpackParameters(layout, packed), k * slice));
      trainer.resetOptimizer();
    },
    dispose() {
      trainer.dispose();
      stack.dispose();
      destroyAll(backend, Object.values(grown));
      train = null;
    },
  };

  /**
   * Enqueues the evaluation-mode forward pass of the `n` rows of `features` from row `first`, chunk
   * by chunk; `head` takes each chunk's logits and where the chunk starts among the n.
   */
  function evaluate(features: Tensor | ByteTensor, first: number, n: number, head: (logits: Tensor, count: number, start: number) => void): void {
    ensureRowNumbers(first + n);
    for (let start = 0; start < n; start += stack.capacity) {
      const count = Math.min(stack.capacity, n - start);
      head(forwardChunk(features, first + start, count), count, start);
    }
  }

  /** The identity index tensor 0, 1, 2, ..., grown to hold at least `rows` entries. */
  function ensureRowNumbers(rows: number): IndexTensor {
    const previous = grown.rowNumbers;
    const rowNumbers = (grown.rowNumbers = growIndexTensor(backend, previous, rows, 'row numbers'));
    if (rowNumbers !== previous) backend.writeIndices(rowNumbers, Int32Array.from({ length: rowNumbers.size }, (_, i) => i));
    return rowNumbers;
  }

  /** Enqueues the evaluation-mode forward pass of `count` (at most the capacity) rows of `features` from row `from`; its outputs. */
  function forwardChunk(features: Tensor | ByteTensor, from: number, count: number): Tensor {
    backend.gather(features, inputDim, ensureRowNumbers(from + count), from, count, trainer.batchFeatures);
    return stack.forward(trainer.batchFeatures, count, null);
  }
}
