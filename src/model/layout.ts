import { VIEW_ALIGN } from '../engine/backend.ts';
import { layerOutputDim, layerParameters } from './layers/registry.ts';
import type { LayerSpec, ParameterShape } from './layers/layer.ts';

/** One parameter array's place in the flat buffers. */
export interface ParameterView extends ParameterShape {
  /** Start in the padded flat buffer (parameters, gradients, optimizer state), a multiple of VIEW_ALIGN. */
  offset: number;
  /** Start in the packed array of get/setParameters (no padding). */
  packedOffset: number;
}

/**
 * Where every parameter lives. Each view starts at a multiple of VIEW_ALIGN floats in one
 * padded buffer shared by parameters, gradients and optimizer moments; get/setParameters
 * exchange the packed form: the views' contents back to back in layer order, no padding.
 */
export interface ParameterLayout {
  /** Per layer, its parameter views in the order the layer expects them. */
  layers: ParameterView[][];
  /** Floats in the padded flat buffer. */
  paddedSize: number;
  /** Parameters in total (packed size). */
  count: number;
  /** Width of each layer's output; the last is the class count. */
  outputDims: number[];
}

/** Lays out the parameters of `layers` fed with `inputDim` features. */
export function computeLayout(inputDim: number, layers: LayerSpec[]): ParameterLayout {
  let offset = 0;
  let packedOffset = 0;
  let inDim = inputDim;
  const views: ParameterView[][] = [];
  const outputDims: number[] = [];
  for (const spec of layers) {
    const layerViews: ParameterView[] = [];
    for (const shape of layerParameters(spec, inDim)) {
      layerViews.push({ ...shape, offset, packedOffset });
      offset += Math.ceil(shape.size / VIEW_ALIGN) * VIEW_ALIGN;
      packedOffset += shape.size;
    }
    views.push(layerViews);
    inDim = layerOutputDim(spec, inDim);
    outputDims.push(inDim);
  }
  return { layers: views, paddedSize: offset, count: packedOffset, outputDims };
}

/** The packed parameters (count floats) of a padded flat buffer. */
export function packParameters(layout: ParameterLayout, padded: Float32Array): Float32Array {
  const packed = new Float32Array(layout.count);
  for (const view of layout.layers.flat()) packed.set(padded.subarray(view.offset, view.offset + view.size), view.packedOffset);
  return packed;
}

/** The padded flat buffer (zero padding) of packed parameters. */
export function unpackParameters(layout: ParameterLayout, packed: Float32Array): Float32Array {
  const padded = new Float32Array(layout.paddedSize);
  for (const view of layout.layers.flat()) padded.set(packed.subarray(view.packedOffset, view.packedOffset + view.size), view.offset);
  return padded;
}

/** 1 where L2 applies (weights), 0 on biases and padding. */
export function decayMask(layout: ParameterLayout): Float32Array {
  const mask = new Float32Array(layout.paddedSize);
  for (const view of layout.layers.flat()) if (view.decay) mask.fill(1, view.offset, view.offset + view.size);
  return mask;
}
