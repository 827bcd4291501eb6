// A float64 reference of the model's maths, written independently of the engine's loops:
// the yardstick for finite-difference gradient checks and for predictions.
import type { Activation } from '../../../src/engine/backend.ts';
import type { ParameterLayout } from '../../../src/model/layout.ts';
import { convShape } from '../../../src/model/layers/conv.ts';
import type { LayerSpec } from '../../../src/model/layers/layer.ts';
import { referenceConv, referenceMaxPool } from './convReference.ts';

/** Multiplies dropout layer `layer`'s element `index` (0 or 1/(1-rate)); absent in evaluation. */
export type DropoutScale = (layer: number, index: number, rate: number) => number;

function activate(z: number, activation: Activation): number {
  if (activation === 'relu') return Math.max(0, z);
  if (activation === 'tanh') return Math.tanh(z);
  if (activation === 'sigmoid') return 1 / (1 + Math.exp(-z));
  return z;
}

/** Logits (rows × classes) of `layers` with packed parameters, in float64. */
export function referenceLogits(
  layout: ParameterLayout,
  layers: LayerSpec[],
  packed: ArrayLike<number>,
  x: ArrayLike<number>,
  rows: number,
  inputDim: number,
  dropoutScale?: DropoutScale,
): Float64Array {
  let input = Float64Array.from(x);
  let inDim = inputDim;
  layers.forEach((spec, index) => {
    if (spec.kind === 'dropout') {
      if (dropoutScale) input = input.map((value, i) => value * dropoutScale(index, i, spec.rate));
      return;
    }
    if (spec.kind === 'conv') {
      const [w, b] = layout.layers[index].map((view) => Float64Array.from({ length: view.size }, (_, i) => packed[view.packedOffset + i]));
      input = referenceConv(input, w, b, rows, convShape(spec)).map((z) => activate(z, spec.activation));
      inDim = input.length / rows;
      return;
    }
    if (spec.kind === 'maxpool') {
      input = referenceMaxPool(input, rows, spec.input);
      inDim = input.length / rows;
      return;
    }
    const [w, b] = layout.layers[index];
    const out = new Float64Array(rows * spec.units);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < spec.units; j++) {
        let z = packed[b.packedOffset + j];
        for (let p = 0; p < inDim; p++) z += input[r * inDim + p] * packed[w.packedOffset + p * spec.units + j];
        out[r * spec.units + j] = activate(z, spec.activation);
      }
    }
    input = out;
    inDim = spec.units;
  });
  return input;
}

/** Σ_r w_r·CE_r / Σ_r w_r with CE_r = -Σ_c t_rc·log softmax(z_r)_c, in float64 (log-sum-exp). */
export function referenceLoss(logits: ArrayLike<number>, targets: ArrayLike<number>, weights: ArrayLike<number>, rows: number, classes: number): number {
  let weighted = 0;
  let weightSum = 0;
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, logits[r * classes + c]);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(logits[r * classes + c] - max);
    const logSum = max + Math.log(sum);
    let ce = 0;
    for (let c = 0; c < classes; c++) ce -= targets[r * classes + c] * (logits[r * classes + c] - logSum);
    weighted += weights[r] * ce;
    weightSum += weights[r];
  }
  return weightSum > 0 ? weighted / weightSum : 0;
}

/** Row-wise softmax in float64. */
export function referenceSoftmax(logits: ArrayLike<number>, rows: number, classes: number): Float64Array {
  const probs = new Float64Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, logits[r * classes + c]);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += probs[r * classes + c] = Math.exp(logits[r * classes + c] - max);
    for (let c = 0; c < classes; c++) probs[r * classes + c] /= sum;
  }
  return probs;
}
