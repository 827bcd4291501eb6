import { EngineError, type Tensor } from '../../engine/backend.ts';
import { checkImageInput } from './conv.ts';
import type { Layer, LayerContext, MaxPoolSpec } from './layer.ts';

/** A max-pool layer's output width: channels × ⌊height/2⌋ × ⌊width/2⌋. */
export function maxPoolOutputDim(spec: MaxPoolSpec): number {
  const { channels, height, width } = spec.input;
  return channels * Math.floor(height / 2) * Math.floor(width / 2);
}

/**
 * Forward y = 2×2 max-pool of x, stride 2 (no parameters). Backward routes dy to each
 * window's argmax, recomputed from the forward input, so no indices are stored.
 */
export function createMaxPool(spec: MaxPoolSpec, context: LayerContext): Layer {
  const { backend, inDim, index, needsInputGradient, models } = context;
  checkImageInput('maxpool', spec.input, inDim);
  if (spec.input.height < 2 || spec.input.width < 2) {
    throw new EngineError(`A maxpool layer needs images of at least 2×2, got ${spec.input.height}×${spec.input.width}.`);
  }
  const outDim = maxPoolOutputDim(spec);
  let output: Tensor | null = null;
  let inputGradient: Tensor | null = null;
  let input: Tensor | null = null;

  const free = () => {
    if (output) backend.destroy(output);
    if (inputGradient) backend.destroy(inputGradient);
    output = inputGradient = input = null;
  };
  return {
    outDim,
    allocate(capacity) {
      free();
      output = backend.createTensor(capacity * outDim, `layer ${index} maxpool output`, models);
      if (needsInputGradient) inputGradient = backend.createTensor(capacity * inDim, `layer ${index} maxpool input gradient`, models);
    },
    forward(x, rows) {
      if (!output) throw new EngineError(`Layer ${index} was used before allocate().`);
      input = x;
      backend.maxPool(x, output, rows, spec.input);
      return output;
    },
    backward(dy, rows) {
      if (!input) throw new EngineError(`Layer ${index}: backward() before a training forward().`);
      if (!inputGradient) return null;
      backend.maxPoolBackward(input, dy, inputGradient, rows, spec.input);
      return inputGradient;
    },
    dispose: free,
  };
}
