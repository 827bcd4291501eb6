import { EngineError, type Tensor } from '../../engine/backend.ts';
import type { LayerContext } from './layer.ts';

/** What a layer's backward pass works on: its last training forward's input and output, and where ∂L/∂x goes (null for the first layer). */
export interface BackwardTensors {
  input: Tensor;
  output: Tensor;
  inputGradient: Tensor | null;
}

/**
 * The activation tensors every parameterised or pooling layer keeps: its output and input
 * gradient, sized for `capacity` rows by allocate, and the input of the last forward.
 */
export interface LayerTensors {
  allocate(capacity: number): void;
  /** Records x as the forward input; returns the output tensor to write. */
  forward(x: Tensor): Tensor;
  /** The tensors of the last forward; throws before one. */
  backward(): BackwardTensors;
  free(): void;
}

export function createLayerTensors(context: LayerContext, kind: string, outDim: number): LayerTensors {
  const { backend, inDim, index, needsInputGradient, models } = context;
  let output: Tensor | null = null;
  let inputGradient: Tensor | null = null;
  let input: Tensor | null = null;
  const free = () => {
    if (output) backend.destroy(output);
    if (inputGradient) backend.destroy(inputGradient);
    output = inputGradient = input = null;
  };
  return {
    allocate(capacity) {
      free();
      output = backend.createTensor(capacity * outDim, `layer ${index} ${kind} output`, models);
      if (needsInputGradient) inputGradient = backend.createTensor(capacity * inDim, `layer ${index} ${kind} input gradient`, models);
    },
    forward(x) {
      if (!output) throw new EngineError(`Layer ${index} was used before allocate().`);
      input = x;
      return output;
    },
    backward() {
      if (!output || !input) throw new EngineError(`Layer ${index}: backward() before a training forward().`);
      return { input, output, inputGradient };
    },
    free,
  };
}
