import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import type { SoftmaxOp } from './softmax.ts';

/** probs[probsRow + r] = softmax(logits[r]) for r < rows. */
export function softmax(logits: Float32Array, rows: number, classes: number, probs: Float32Array, probsRow: number): void {
  for (let r = 0; r < rows; r++) {
    const row = r * classes;
    const outRow = (probsRow + r) * classes;
    let max = logits[row];
    for (let c = 1; c < classes; c++) if (logits[row + c] > max) max = logits[row + c];
    let expSum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(logits[row + c] - max);
      probs[outRow + c] = e;
      expSum += e;
    }
    const inverse = 1 / expSum;
    for (let c = 0; c < classes; c++) probs[outRow + c] *= inverse;
  }
}

/** The op on the CPU: softmax over each model's slices. */
export const cpuSoftmax: SoftmaxOp['softmax'] = (logits, rows, classes, probs, probsRow) => {
  const [tl, tp] = [cpuTensor(logits), cpuTensor(probs)];
  for (let k = 0, K = opModels('softmax', [tp], [tl]); k < K; k++) softmax(slice(tl, k), rows, classes, slice(tp, k), probsRow);
};
