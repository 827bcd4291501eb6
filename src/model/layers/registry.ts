import { createDense, denseParameters } from './dense.ts';
import { createDropout } from './dropout.ts';
import type { Layer, LayerContext, LayerSpec, ParameterShape } from './layer.ts';

/** A layer's output width for input width `inDim`. */
export function layerOutputDim(spec: LayerSpec, inDim: number): number {
  return spec.kind === 'dense' ? spec.units : inDim;
}

/** The parameter arrays a layer owns, in the order createLayer receives their views. */
export function layerParameters(spec: LayerSpec, inDim: number): ParameterShape[] {
  return spec.kind === 'dense' ? denseParameters(spec, inDim) : [];
}

/** Builds a layer over its backend; new kinds (conv, pool) plug in here. */
export function createLayer(spec: LayerSpec, context: LayerContext): Layer {
  return spec.kind === 'dense' ? createDense(spec, context) : createDropout(spec, context);
}
