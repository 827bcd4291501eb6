import { EngineError } from '../../engine/backend.ts';
import { checkImageInput } from './conv.ts';
import type { Layer, LayerContext, MaxPoolSpec } from './layer.ts';
import { createLayerTensors } from './layerTensors.ts';

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
  const { backend, inDim } = context;
  checkImageInput('maxpool', spec.input, inDim);
  if (spec.input.height < 2 || spec.input.width < 2) {
    throw new EngineError(`A maxpool layer needs images of at least 2×2, got ${spec.input.height}×${spec.input.width}.`);
  }
  const outDim = maxPoolOutputDim(spec);
  const tensors = createLayerTensors(context, 'maxpool', outDim);
  return {
    outDim,
    allocate: tensors.allocate,
    forward(x, rows) {
      const output = tensors.forward(x);
      backend.maxPool(x, output, rows, spec.input);
      return output;
    },
    backward(dy, rows) {
      const { input, inputGradient } = tensors.backward();
      if (!inputGradient) return null;
      backend.maxPoolBackward(input, dy, inputGradient, rows, spec.input);
      return inputGradient;
    },
    dispose: tensors.free,
  };
}
