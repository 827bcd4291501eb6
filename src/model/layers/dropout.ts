import { EngineError, type Tensor } from '../../engine/backend.ts';
import { streamSeed, type DropoutSpec, type Layer, type LayerContext } from './layer.ts';

/**
 * Training: y = x ⊙ keep / (1 - rate) with a counter-based mask, recomputed in backward
 * (∂L/∂x = dy ⊙ keep / (1 - rate), in place), so no mask is stored. Evaluation: y = x.
 */
export function createDropout(spec: DropoutSpec, context: LayerContext): Layer {
  const { backend, inDim, index, needsInputGradient, models } = context;
  const stream = index + 1;
  let output: Tensor | null = null;

  const free = () => {
    if (output) backend.destroy(output);
    output = null;
  };
  return {
    outDim: inDim,
    allocate(capacity) {
      free();
      output = backend.createTensor(capacity * inDim, `layer ${index} dropout output`, models);
    },
    forward(x, rows, noise) {
      if (!noise || spec.rate <= 0) return x;
      if (!output) throw new EngineError(`Layer ${index} was used before allocate().`);
      backend.dropout(x, output, rows * inDim, spec.rate, streamSeed(noise, stream), noise.counter);
      return output;
    },
    backward(dy, rows, noise) {
      if (!needsInputGradient) return null;
      if (spec.rate > 0) backend.dropoutBackward(dy, dy, rows * inDim, spec.rate, streamSeed(noise, stream), noise.counter);
      return dy;
    },
    dispose: free,
  };
}
