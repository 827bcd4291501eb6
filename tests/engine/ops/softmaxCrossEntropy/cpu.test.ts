import { describe, expect, it } from 'vitest';
import { CLASSIFY, STATS } from '../../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { referenceLoss, referenceSoftmax } from '../../../model/helpers/reference.ts';
import { expectClose, seeded, tensorOf } from '../../helpers.ts';

// The gradient of this op is checked by finite differences in tests/model/gradients.test.ts.
describe('softmaxCrossEntropy', () => {
  const rows = 4;
  const classes = 3;
  const logits = seeded(rows * classes, 1).map((v) => 3 * v);
  // Rows 0-1 hard, rows 2-3 soft; row 3 has weight 0.
  const targets = Float32Array.from([1, 0, 0, 0, 0, 1, 0.2, 0.5, 0.3, 0.6, 0.3, 0.1]);
  const weights = Float32Array.from([1, 2, 0.5, 0]);

  it('adds Σ w·CE, Σ w, the correct count and the rows to stats', async () => {
    const backend = createCpuBackend();
    const stats = tensorOf(backend, [0.5, 0.25, 1, 2]);
    const dLogits = backend.createTensor(rows * classes, 'dLogits');
    backend.softmaxCrossEntropy(tensorOf(backend, logits), tensorOf(backend, targets), tensorOf(backend, weights), rows, classes, dLogits, stats);
    const totals = await backend.read(stats);
    const weightSum = 3.5;
    const probs = referenceSoftmax(logits, rows, classes);
    let correct = 0;
    for (let r = 0; r < rows; r++) {
      const row = Array.from(probs.subarray(r * classes, (r + 1) * classes));
      const target = Array.from(targets.subarray(r * classes, (r + 1) * classes));
      if (row.indexOf(Math.max(...row)) === target.indexOf(Math.max(...target))) correct++;
    }
    expect(totals[STATS.weightedLoss] - 0.5).toBeCloseTo(referenceLoss(logits, targets, weights, rows, classes) * weightSum, 5);
    expect(totals[STATS.weight]).toBeCloseTo(0.25 + weightSum, 6);
    expect(totals[STATS.correct]).toBe(1 + correct);
    expect(totals[STATS.rows]).toBe(2 + rows);
  });

  it('writes a zero gradient for zero-weight rows and for a batch whose weights are all zero', async () => {
    const backend = createCpuBackend();
    const dLogits = backend.createTensor(rows * classes, 'dLogits');
    const stats = backend.createTensor(STATS.size, 'stats');
    const run = (w: ArrayLike<number>) =>
      backend.softmaxCrossEntropy(tensorOf(backend, logits), tensorOf(backend, targets), tensorOf(backend, w), rows, classes, dLogits, stats);
    run(weights);
    expect(Array.from((await backend.read(dLogits)).subarray(3 * classes)).every((g) => g === 0)).toBe(true);
    expect(Array.from((await backend.read(dLogits)).subarray(0, classes)).some((g) => g !== 0)).toBe(true);
    run([0, 0, 0, 0]);
    expect(Array.from(await backend.read(dLogits)).every((g) => g === 0)).toBe(true);
  });
});

describe('softmax', () => {
  it('writes probabilities at the requested row of the output', async () => {
    const backend = createCpuBackend();
    const logits = seeded(6, 2).map((v) => 40 * v);
    const probs = tensorOf(backend, new Float32Array(12).fill(-1));
    backend.softmax(tensorOf(backend, logits), 2, 3, probs, 1);
    const result = await backend.read(probs);
    expect(Array.from(result.subarray(0, 3))).toEqual([-1, -1, -1]);
    expectClose(result.subarray(3, 9), referenceSoftmax(logits, 2, 3), 1e-6);
    expect(Array.from(result.subarray(9))).toEqual([-1, -1, -1]);
  });
});

describe('classify', () => {
  /** Argmax (first maximum wins) and max of each row of `probs`. */
  const verdictOf = (probs: ArrayLike<number>, rows: number, classes: number) => {
    const out: number[] = [];
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (probs[r * classes + c] > probs[r * classes + best]) best = c;
      out.push(best, probs[r * classes + best]);
    }
    return out;
  };

  it.each([[1, 2], [3, 3], [17, 10], [65, 3]])('writes class and probability of %i×%i rows against a float64 reference, at the output row', async (rows, classes) => {
    const backend = createCpuBackend();
    const logits = seeded(rows * classes, rows + classes).map((v) => 4 * v);
    const out = tensorOf(backend, new Float32Array((rows + 3) * CLASSIFY.size).fill(-1));
    backend.classify(tensorOf(backend, logits), rows, classes, out, 2);
    const result = await backend.read(out);
    expect(Array.from(result.subarray(0, 4))).toEqual([-1, -1, -1, -1]);
    expect(Array.from(result.subarray((rows + 2) * CLASSIFY.size))).toEqual([-1, -1]);
    const expected = verdictOf(referenceSoftmax(logits, rows, classes), rows, classes);
    const actual = result.subarray(2 * CLASSIFY.size, (rows + 2) * CLASSIFY.size);
    for (let r = 0; r < rows; r++) expect(actual[r * CLASSIFY.size + CLASSIFY.label]).toBe(expected[2 * r]);
    expectClose(actual, expected, 1e-6);
  });

  it('equals the argmax and max of what softmax writes, bit for bit, ties to the lower class', async () => {
    const backend = createCpuBackend();
    const classes = 3;
    const near = Math.fround(0.3);
    const above = near + 2 ** -25; // the next float32 above 0.3: exp cannot tell them apart in float32
    const rows = [
      [near, above, -1], // float64 argmax is class 1; the float32 probabilities tie, so class 0
      [2, 2, 2], // exact ties
      [-40, 40, 39.5], // large logits
      ...Array.from({ length: 40 }, (_, i) => Array.from(seeded(classes, 100 + i)).map((v) => 5 * v)),
    ];
    expect(Math.fround(above)).toBe(above);
    expect(verdictOf(referenceSoftmax(rows[0], 1, classes), 1, classes)[0]).toBe(1);
    const logits = tensorOf(backend, rows.flat());
    const probs = backend.createTensor(rows.length * classes, 'probs');
    const out = backend.createTensor(rows.length * CLASSIFY.size, 'out');
    backend.softmax(logits, rows.length, classes, probs, 0);
    backend.classify(logits, rows.length, classes, out, 0);
    const verdict = Array.from(await backend.read(out));
    expect(verdict).toEqual(verdictOf(await backend.read(probs), rows.length, classes));
    expect(verdict.slice(0, 4)).toEqual([0, verdict[1], 0, verdict[3]]);
  });
});
