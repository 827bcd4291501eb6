import type { DenseSpec, Layer, LayerContext, ParameterShape } from './layer.ts';
import { createLayerTensors } from './layerTensors.ts';

/** W (inDim×units, L2-decayed) and b (units, zero). */
export function denseParameters(spec: DenseSpec, inDim: number): ParameterShape[] {
  const init = spec.activation === 'relu' ? 'he' : 'glorot';
  return [
    { label: 'weights', size: inDim * spec.units, decay: true, init, fanIn: inDim, fanOut: spec.units },
    { label: 'bias', size: spec.units, decay: false, init: 'zeros', fanIn: inDim, fanOut: spec.units },
  ];
}

/**
 * Forward y = act(x·W + b) in one fused op. Backward from dy = ∂L/∂y: dz = dy ⊙ act'(y)
 * (in place), ∂L/∂W = xᵀ·dz, ∂L/∂b = Σ_rows dz, ∂L/∂x = dz·Wᵀ.
 */
export function createDense(spec: DenseSpec, context: LayerContext): Layer {
  const { backend, inDim } = context;
  const [weights, bias] = context.parameters;
  const [weightGradient, biasGradient] = context.gradients;
  const outDim = spec.units;
  const tensors = createLayerTensors(context, 'dense', outDim);
  return {
    outDim,
    allocate: tensors.allocate,
    forward(x, rows) {
      const output = tensors.forward(x);
      backend.dense(x, weights, bias, output, rows, inDim, outDim, spec.activation);
      return output;
    },
    backward(dy, rows) {
      const { input, output, inputGradient } = tensors.backward();
      backend.activationBackward(output, dy, dy, rows * outDim, spec.activation);
      backend.matmul(input, dy, weightGradient, inDim, rows, outDim, 'tn', false);
      backend.sumRows(dy, rows, outDim, biasGradient, false);
      if (!inputGradient) return null;
      backend.matmul(dy, weights, inputGradient, rows, outDim, inDim, 'nt', false);
      return inputGradient;
    },
    dispose: tensors.free,
  };
}
