import { EngineError } from '../engine/backend.ts';
import type { LayerSpec } from './layers/layer.ts';
import type { CnnSpec } from './types.ts';

/** The CNN's kernel side: 3×3 convolutions. */
export const CNN_KERNEL = 3;

/**
 * A CNN as layers: per filter count, conv 3×3 + relu then 2×2 max-pool (each halving the
 * image, rounding down); dropout on the flattened features and after each hidden dense relu
 * layer (when the rate is above 0); then linear logits.
 */
export function cnnLayers(spec: CnnSpec): LayerSpec[] {
  checkSpec(spec);
  const layers: LayerSpec[] = [];
  let { channels, height, width } = spec.image;
  for (const filters of spec.filters) {
    layers.push({ kind: 'conv', input: { channels, height, width }, filters, kernel: CNN_KERNEL, activation: 'relu' });
    layers.push({ kind: 'maxpool', input: { channels: filters, height, width } });
    [channels, height, width] = [filters, Math.floor(height / 2), Math.floor(width / 2)];
  }
  if (spec.dropout > 0) layers.push({ kind: 'dropout', rate: spec.dropout });
  for (const units of spec.hidden) {
    layers.push({ kind: 'dense', units, activation: 'relu' });
    if (spec.dropout > 0) layers.push({ kind: 'dropout', rate: spec.dropout });
  }
  layers.push({ kind: 'dense', units: spec.classes, activation: 'linear' });
  return layers;
}

function checkSpec(spec: CnnSpec): void {
  const whole = (value: number) => Number.isInteger(value) && value >= 1;
  const { channels, height, width } = spec.image;
  if (![channels, height, width].every(whole)) throw new EngineError(`The image shape must be whole numbers >= 1, got ${channels}×${height}×${width}.`);
  if (spec.inputDim !== channels * height * width) {
    throw new EngineError(`A ${channels}×${height}×${width} image has ${channels * height * width} values, but the model's inputDim is ${spec.inputDim}.`);
  }
  if (!whole(spec.classes) || spec.classes < 2) throw new EngineError(`The model needs at least 2 classes, got ${spec.classes}.`);
  if (!spec.filters.every(whole)) throw new EngineError(`Filter counts must be whole numbers >= 1, got [${spec.filters.join(', ')}].`);
  const smallest = 2 ** spec.filters.length;
  if (height < smallest || width < smallest) {
    throw new EngineError(`${spec.filters.length} conv blocks halve the image ${spec.filters.length} times: it needs at least ${smallest}×${smallest} pixels, got ${height}×${width}.`);
  }
  if (!spec.hidden.every(whole)) throw new EngineError(`Hidden widths must be whole numbers >= 1, got [${spec.hidden.join(', ')}].`);
  if (!(spec.dropout >= 0 && spec.dropout < 1)) throw new EngineError(`Dropout must be in [0, 1), got ${spec.dropout}.`);
}
