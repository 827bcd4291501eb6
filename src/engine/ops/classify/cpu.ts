import { cpuTensor, slice } from '../../cpu/tensor.ts';
import { opModels } from '../../core/tensor.ts';
import { CLASSIFY, type ClassifyOp } from './classify.ts';

/**
 * out[2·(outRow + r)] = the first class with the largest of the probabilities `softmax` writes
 * for row r, out[2·(outRow + r) + 1] = that probability. Each probability is computed as
 * softmax computes and stores it (float32 of exp, times the inverse sum, rounded to float32),
 * so the verdict equals the argmax and max of softmax's output bit for bit.
 */
export function classify(logits: Float32Array, rows: number, classes: number, out: Float32Array, outRow: number): void {
  if (classes === 0) return;
  for (let r = 0; r < rows; r++) {
    const row = r * classes;
    let max = logits[row];
    for (let c = 1; c < classes; c++) if (logits[row + c] > max) max = logits[row + c];
    let expSum = 0;
    for (let c = 0; c < classes; c++) expSum += Math.exp(logits[row + c] - max);
    const inverse = 1 / expSum;
    let best = 0;
    let bestProbability = Math.fround(Math.fround(Math.exp(logits[row] - max)) * inverse);
    for (let c = 1; c < classes; c++) {
      const probability = Math.fround(Math.fround(Math.exp(logits[row + c] - max)) * inverse);
      if (probability > bestProbability) {
        best = c;
        bestProbability = probability;
      }
    }
    const at = CLASSIFY.size * (outRow + r);
    out[at + CLASSIFY.label] = best;
    out[at + CLASSIFY.confidence] = bestProbability;
  }
}

/** The op on the CPU: classify over each model's slices. */
export const cpuClassify: ClassifyOp['classify'] = (logits, rows, classes, out, outRow) => {
  const [tl, to] = [cpuTensor(logits), cpuTensor(out)];
  for (let k = 0, K = opModels('classify', [to], [tl]); k < K; k++) classify(slice(tl, k), rows, classes, slice(to, k), outRow);
};
