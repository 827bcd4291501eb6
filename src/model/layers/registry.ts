import { convOutputDim, convParameters, createConv } from './conv.ts';
import { createDense, denseParameters } from './dense.ts';
import { createDropout } from './dropout.ts';
import type { Layer, LayerContext, LayerSpec, ParameterShape } from './layer.ts';
import { createMaxPool, maxPoolOutputDim } from './pool.ts';

/** A layer's output width for input width `inDim`. */
export function layerOutputDim(spec: LayerSpec, inDim: number): number {
  if (spec.kind === 'conv') return convOutputDim(spec);
  if (spec.kind === 'maxpool') return maxPoolOutputDim(spec);
  return spec.kind === 'dense' ? spec.units : inDim;
}

/** The parameter arrays a layer owns, in the order createLayer receives their views. */
export function layerParameters(spec: LayerSpec, inDim: number): ParameterShape[] {
  if (spec.kind === 'conv') return convParameters(spec, inDim);
  return spec.kind === 'dense' ? denseParameters(spec, inDim) : [];
}

/** Builds a layer over its backend; new kinds plug in here. */
export function createLayer(spec: LayerSpec, context: LayerContext): Layer {
  if (spec.kind === 'conv') return createConv(spec, context);
  if (spec.kind === 'maxpool') return createMaxPool(spec, context);
  return spec.kind === 'dense' ? createDense(spec, context) : createDropout(spec, context);
}
