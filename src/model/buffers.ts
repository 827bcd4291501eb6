import { EngineError, type Backend, type IndexTensor, type Tensor } from '../engine/backend.ts';

/** `current` if it holds `size` floats, else a new tensor (the old one destroyed): tensors grow, never per step. */
export function growTensor(backend: Backend, current: Tensor | null, size: number, label: string): Tensor {
  if (current && current.size >= size) return current;
  if (current) backend.destroy(current);
  return backend.createTensor(Math.max(size, 1), label);
}

/** As growTensor, for an index tensor. */
export function growIndexTensor(backend: Backend, current: IndexTensor | null, size: number, label: string): IndexTensor {
  if (current && current.size >= size) return current;
  if (current) backend.destroy(current);
  return backend.createIndexTensor(Math.max(size, 1), label);
}

/** The tensors one training batch is gathered into, sized for `capacity` rows. */
export interface BatchTensors {
  x: Tensor;
  targets: Tensor;
  weights: Tensor;
  /** ∂L/∂logits of the batch. */
  dLogits: Tensor;
}

/**
 * Makes (or remakes, destroying `previous`) the batch tensors for up to `capacity` rows,
 * stacked for `models` networks (each gets its own copy: input noise differs per model).
 */
export function createBatchTensors(backend: Backend, inputDim: number, classes: number, capacity: number, models: number, previous?: BatchTensors): BatchTensors {
  if (previous) destroyAll(backend, Object.values(previous));
  return {
    x: backend.createTensor(capacity * inputDim, 'batch features', models),
    targets: backend.createTensor(capacity * classes, 'batch targets', models),
    weights: backend.createTensor(capacity, 'batch weights', models),
    dLogits: backend.createTensor(capacity * classes, 'batch logit gradients', models),
  };
}

/** Destroys every tensor in the list (nulls skipped). */
export function destroyAll(backend: Backend, tensors: (Tensor | IndexTensor | null)[]): void {
  for (const tensor of tensors) if (tensor) backend.destroy(tensor);
}

/** Throws unless `data` has exactly `expected` elements. */
export function checkLength(what: string, data: ArrayLike<number>, expected: number): void {
  if (data.length !== expected) throw new EngineError(`${what}: expected ${expected} values, got ${data.length}.`);
}
