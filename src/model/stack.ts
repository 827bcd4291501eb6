import type { Backend, Tensor } from '../engine/backend.ts';
import { computeLayout, decayMask, type ParameterLayout } from './layout.ts';
import type { Layer, LayerSpec, NoiseStep } from './layers/layer.ts';
import { createLayer } from './layers/registry.ts';

/**
 * A list of layers over one backend with its flat buffers: parameters, gradients, the
 * optimizer moments (2 × paddedSize: Adam's m then v; SGD's velocity is the first half)
 * and the L2 decay mask. Each layer sees views of these buffers. With `models` > 1 every
 * buffer but the decay mask (shared) is stacked: K networks of one shape in the same ops.
 */
export interface LayerStack {
  readonly layout: ParameterLayout;
  readonly specs: readonly LayerSpec[];
  readonly layers: readonly Layer[];
  readonly parameters: Tensor;
  readonly gradients: Tensor;
  readonly moments: Tensor;
  readonly decay: Tensor;
  /** Width of the output (the logits). */
  readonly outDim: number;
  /** Rows the activation tensors hold. */
  readonly capacity: number;
  /** Networks stacked in every buffer. */
  readonly models: number;
  /** (Re)allocates every layer's activation tensors for up to `capacity` rows. */
  allocate(capacity: number): void;
  /** Enqueues the forward pass; noise null = evaluation. Returns the logits tensor. */
  forward(x: Tensor, rows: number, noise: NoiseStep | null): Tensor;
  /** Enqueues the backward pass from ∂L/∂logits, writing every parameter gradient. */
  backward(dLogits: Tensor, rows: number, noise: NoiseStep): void;
  dispose(): void;
}

export function createLayerStack(backend: Backend, inputDim: number, specs: LayerSpec[], capacity: number, models = 1): LayerStack {
  const layout = computeLayout(inputDim, specs);
  const size = Math.max(layout.paddedSize, 1);
  const parameters = backend.createTensor(size, 'parameters', models);
  const gradients = backend.createTensor(size, 'gradients', models);
  const moments = backend.createTensor(2 * size, 'optimizer moments', models);
  const decay = backend.createTensor(size, 'L2 decay mask');
  backend.write(decay, decayMask(layout));

  let currentCapacity = capacity;
  let inDim = inputDim;
  const layers = specs.map((spec, index) => {
    const views = layout.layers[index];
    const layer = createLayer(spec, {
      backend,
      inDim,
      parameters: views.map((view) => backend.view(parameters, view.offset, view.size, `layer ${index} ${view.label}`)),
      gradients: views.map((view) => backend.view(gradients, view.offset, view.size, `layer ${index} ${view.label} gradient`)),
      index,
      needsInputGradient: index > 0,
      models,
    });
    inDim = layer.outDim;
    return layer;
  });

  const stack: LayerStack = {
    layout,
    specs,
    layers,
    parameters,
    gradients,
    moments,
    decay,
    outDim: inDim,
    models,
    get capacity() {
      return currentCapacity;
    },
    allocate(rows) {
      for (const layer of layers) layer.allocate(rows);
      currentCapacity = rows;
    },
    forward(x, rows, noise) {
      let activations = x;
      for (const layer of layers) activations = layer.forward(activations, rows, noise);
      return activations;
    },
    backward(dLogits, rows, noise) {
      let gradient: Tensor | null = dLogits;
      for (let i = layers.length - 1; i >= 0 && gradient; i--) gradient = layers[i].backward(gradient, rows, noise);
    },
    dispose() {
      for (const layer of layers) layer.dispose();
      for (const tensor of [parameters, gradients, moments, decay]) backend.destroy(tensor);
    },
  };
  stack.allocate(capacity);
  return stack;
}
