import { CLASSIFY, EngineError, type Backend, type IndexTensor, type Tensor } from '../engine/backend.ts';
import { checkLength, destroyAll, growIndexTensor, growTensor } from './buffers.ts';
import { cnnLayers } from './cnn.ts';
import { initialParameters } from './init.ts';
import { packParameters, unpackParameters } from './layout.ts';
import { mlpLayers } from './mlp.ts';
import { rowFeatures } from './rows.ts';
import { createLayerStack } from './stack.ts';
import { createTrainer, type TrainingTensors } from './trainer.ts';
import type { DeviceRows, ModelSpec, Network } from './types.ts';

/** Rows per evaluation chunk (at least); also the smallest activation capacity. */
export const PREDICT_CHUNK = 256;

/**
 * Builds a classifier on `backend` with seeded initial weights. An epoch enqueues every
 * batch's ops and reads its stats once; prediction enqueues every chunk and reads once.
 */
export function createNetwork(backend: Backend, spec: ModelSpec, seed: number): Network {
  const { inputDim, classes } = spec;
  const stack = createLayerStack(backend, inputDim, spec.kind === 'cnn' ? cnnLayers(spec) : mlpLayers(spec), PREDICT_CHUNK);
  const { layout } = stack;
  backend.write(stack.parameters, initialParameters(layout, seed));
  const trainer = createTrainer(backend, stack, inputDim, classes);
  let train: TrainingTensors | null = null;
  /** Tensors that grow to the largest training set, epoch order and prediction seen. */
  const grown = {
    targets: null as Tensor | null,
    weights: null as Tensor | null,
    order: null as IndexTensor | null,
    rowNumbers: null as IndexTensor | null,
    probs: null as Tensor | null,
    verdicts: null as Tensor | null,
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
      trainer.ensureCapacity(hyper.batch);
      grown.order = growIndexTensor(backend, grown.order, order.length, 'epoch order');
      backend.writeIndices(grown.order, order);
      return trainer.epoch(train, grown.order, order.length, hyper, noiseSeed);
    },
    predict: (rows) => predict(rows),
    classify: (rows) => classify(rows),
    async getParameters() {
      return packParameters(layout, await backend.read(stack.parameters, layout.paddedSize));
    },
    setParameters(parameters) {
      checkLength('setParameters', parameters, layout.count);
      backend.write(stack.parameters, unpackParameters(layout, parameters));
      trainer.resetOptimizer();
    },
    dispose() {
      trainer.dispose();
      stack.dispose();
      destroyAll(backend, Object.values(grown));
      train = null;
    },
  };

  /** Softmax of the evaluation-mode logits, chunk by chunk through the batch tensor, read once. */
  async function predict(rows: DeviceRows): Promise<Float32Array> {
    const features = rowFeatures(backend, rows, inputDim);
    if (rows.n === 0) return new Float32Array(0);
    const probs = (grown.probs = growTensor(backend, grown.probs, rows.n * classes, 'predicted probabilities'));
    evaluate(features, rows.n, (logits, count, start) => backend.softmax(logits, count, classes, probs, start));
    return backend.read(probs, rows.n * classes);
  }

  /** Class and confidence per row, chunk by chunk like predict, read once (2 floats per row). */
  async function classify(rows: DeviceRows): Promise<{ labels: Int32Array; confidence: Float32Array }> {
    const features = rowFeatures(backend, rows, inputDim);
    if (rows.n === 0) return { labels: new Int32Array(0), confidence: new Float32Array(0) };
    const verdicts = (grown.verdicts = growTensor(backend, grown.verdicts, rows.n * CLASSIFY.size, 'class verdicts'));
    evaluate(features, rows.n, (logits, count, start) => backend.classify(logits, count, classes, verdicts, start));
    const read = await backend.read(verdicts, rows.n * CLASSIFY.size);
    const labels = new Int32Array(rows.n);
    const confidence = new Float32Array(rows.n);
    for (let r = 0; r < rows.n; r++) {
      labels[r] = read[r * CLASSIFY.size + CLASSIFY.label];
      confidence[r] = read[r * CLASSIFY.size + CLASSIFY.confidence];
    }
    return { labels, confidence };
  }

  /** Enqueues the evaluation-mode forward pass of `n` rows chunk by chunk; `head` takes each chunk's logits. */
  function evaluate(features: Tensor, n: number, head: (logits: Tensor, count: number, start: number) => void): void {
    const previous = grown.rowNumbers;
    const rowNumbers = (grown.rowNumbers = growIndexTensor(backend, previous, n, 'row numbers'));
    if (rowNumbers !== previous) backend.writeIndices(rowNumbers, Int32Array.from({ length: rowNumbers.size }, (_, i) => i));
    for (let start = 0; start < n; start += stack.capacity) {
      const count = Math.min(stack.capacity, n - start);
      backend.gather(features, inputDim, rowNumbers, start, count, trainer.batchFeatures);
      head(stack.forward(trainer.batchFeatures, count, null), count, start);
    }
  }
}
