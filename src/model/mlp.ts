import { EngineError } from '../engine/backend.ts';
import type { LayerSpec } from './layers/layer.ts';
import type { MlpSpec } from './types.ts';

/** An MLP as layers: per hidden width, dense + activation (+ dropout while training); then linear logits. */
export function mlpLayers(spec: MlpSpec): LayerSpec[] {
  checkSpec(spec);
  const layers: LayerSpec[] = [];
  for (const units of spec.hidden) {
    layers.push({ kind: 'dense', units, activation: spec.activation });
    if (spec.dropout > 0) layers.push({ kind: 'dropout', rate: spec.dropout });
  }
  layers.push({ kind: 'dense', units: spec.classes, activation: 'linear' });
  return layers;
}

function checkSpec(spec: MlpSpec): void {
  const whole = (value: number) => Number.isInteger(value) && value >= 1;
  if (!whole(spec.inputDim)) throw new EngineError(`The model needs at least one input feature, got ${spec.inputDim}.`);
  if (!whole(spec.classes) || spec.classes < 2) throw new EngineError(`The model needs at least 2 classes, got ${spec.classes}.`);
  if (!spec.hidden.every(whole)) throw new EngineError(`Hidden widths must be whole numbers >= 1, got [${spec.hidden.join(', ')}].`);
  if (!(spec.dropout >= 0 && spec.dropout < 1)) throw new EngineError(`Dropout must be in [0, 1), got ${spec.dropout}.`);
}
