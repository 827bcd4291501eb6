import { EngineError } from './errors.ts';

/** A float32 buffer on a backend; opaque to callers. */
export interface Tensor {
  /** Elements per model. */
  readonly size: number;
  readonly dtype: 'f32';
  /** Models stacked in it (1: an ordinary tensor, or one shared by every model of an op). */
  readonly models: number;
}

/** A uint8 buffer of image pixels on a backend, written once at creation; opaque to callers. */
export interface ByteTensor {
  readonly size: number;
  readonly dtype: 'u8';
}

/** What a gather makes of pixel byte v: v / 255 rounded to f32, as the image rows' floats are. */
export const PIXEL_VALUES: Float32Array = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/** An int32 buffer of row indices on a backend; opaque to callers. */
export interface IndexTensor {
  readonly size: number;
  readonly dtype: 'i32';
}

/** Views start at multiples of 64 floats: WebGPU's 256-byte minStorageBufferOffsetAlignment. */
export const VIEW_ALIGN = 64;

/**
 * The model count K of an op over these tensors: every stacked one must hold K models, and
 * only inputs may be shared (models 1) when K > 1, since K models writing one output would race.
 */
export function opModels(op: string, outputs: readonly Tensor[], inputs: readonly Tensor[]): number {
  let models = 1;
  for (const list of [outputs, inputs]) {
    for (const tensor of list) {
      if (tensor.models === 1) continue;
      if (models !== 1 && tensor.models !== models) throw new EngineError(`${op}: tensors stack different model counts (${models} and ${tensor.models}).`);
      models = tensor.models;
    }
  }
  if (models > 1 && outputs.some((out) => out.models !== models)) {
    throw new EngineError(`${op}: an output is shared by ${models} models; outputs must be stacked like the inputs.`);
  }
  return models;
}

/** Throws unless `models` is a whole number of models, at least 1. */
export function checkModels(models: number, label: string): void {
  if (!(Number.isInteger(models) && models >= 1)) throw new EngineError(`Tensor "${label}" needs a whole number of models >= 1, got ${models}.`);
}
