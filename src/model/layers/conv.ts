import { EngineError, type ConvShape } from '../../engine/backend.ts';
import type { ConvSpec, Layer, LayerContext, ParameterShape } from './layer.ts';
import { createLayerTensors } from './layerTensors.ts';

/** The op-level shape of a conv layer. */
export function convShape(spec: ConvSpec): ConvShape {
  const { channels, height, width } = spec.input;
  return { inChannels: channels, outChannels: spec.filters, height, width, kernel: spec.kernel };
}

/** A conv layer's output width: filters × height × width ('same' padding keeps the image size). */
export function convOutputDim(spec: ConvSpec): number {
  return spec.filters * spec.input.height * spec.input.width;
}

/** Throws unless a layer over images of `input` shape is fed rows of exactly its channels × height × width. */
export function checkImageInput(kind: string, input: ConvSpec['input'], inDim: number): void {
  const { channels, height, width } = input;
  if (channels * height * width !== inDim) {
    throw new EngineError(`A ${kind} layer over ${channels}×${height}×${width} images needs rows of ${channels * height * width} floats, got ${inDim}.`);
  }
}

/**
 * W (filters × channels × kernel × kernel, L2-decayed; He-uniform for relu, fan-in
 * channels·kernel², else Glorot) and b (filters, zero).
 */
export function convParameters(spec: ConvSpec, inDim: number): ParameterShape[] {
  checkImageInput('conv', spec.input, inDim);
  const taps = spec.kernel * spec.kernel;
  const [fanIn, fanOut] = [spec.input.channels * taps, spec.filters * taps];
  const init = spec.activation === 'relu' ? 'he' : 'glorot';
  return [
    { label: 'conv weights', size: spec.filters * fanIn, decay: true, init, fanIn, fanOut },
    { label: 'conv bias', size: spec.filters, decay: false, init: 'zeros', fanIn, fanOut },
  ];
}

/**
 * Forward y = act(conv(x, W) + b) in one fused op. Backward from dy: dz = dy ⊙ act'(y) (in
 * place), then ∂L/∂W and ∂L/∂b in one op, and ∂L/∂x (the transposed convolution of dz).
 */
export function createConv(spec: ConvSpec, context: LayerContext): Layer {
  const { backend, inDim } = context;
  checkImageInput('conv', spec.input, inDim);
  const [weights, bias] = context.parameters;
  const [weightGradient, biasGradient] = context.gradients;
  const shape = convShape(spec);
  const outDim = convOutputDim(spec);
  const tensors = createLayerTensors(context, 'conv', outDim);
  return {
    outDim,
    allocate: tensors.allocate,
    forward(x, rows) {
      const output = tensors.forward(x);
      backend.conv2d(x, weights, bias, output, rows, shape, spec.activation);
      return output;
    },
    backward(dy, rows) {
      const { input, output, inputGradient } = tensors.backward();
      backend.activationBackward(output, dy, dy, rows * outDim, spec.activation);
      backend.conv2dWeightGrad(input, dy, weightGradient, biasGradient, rows, shape);
      if (!inputGradient) return null;
      backend.conv2dInputGrad(dy, weights, inputGradient, rows, shape);
      return inputGradient;
    },
    dispose: tensors.free,
  };
}
