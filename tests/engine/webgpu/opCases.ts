/** Every op of the backend contract as parity cases over awkward shapes: one line per op. */
import { CLASSIFY, STATS, type Activation, type Transpose } from '../../../src/engine/backend.ts';
import { CONV_CASES, CONV_STACKED_CASES, CONV_TUNED_CASES } from './convCases.ts';
import { rowIndices, stacked, targetRows, uniform, type ParityCase } from './parity.ts';
import { PRETEXT_CASES, PRETEXT_STACKED_CASES, PRETEXT_TUNED_CASES } from './pretextCases.ts';
import { SHIFT_CASES, SHIFT_STACKED_CASES } from './shiftCases.ts';

const SIZES = [1, 3, 17, 65, 257];
const ACTIVATIONS: Activation[] = ['linear', 'relu', 'tanh', 'sigmoid'];
const TRANSPOSES: Transpose[] = ['nn', 'nt', 'tn'];
/** (m, k, n) triples: degenerate, skinny both ways, over a tile edge (32) in every dimension, k on both sides of the direct kernel's limits (16, 32). */
const MATMUL_SHAPES: [number, number, number][] = [
  [1, 1, 1], [3, 17, 65], [65, 3, 17], [17, 65, 3], [1, 257, 1], [257, 1, 17], [33, 33, 33], [65, 257, 17], [257, 65, 65], [40, 20, 33], [31, 16, 9],
];
/** (rows, cols) pairs. */
const ROW_SHAPES: [number, number][] = SIZES.flatMap((rows, i) => [[rows, SIZES[(i + 2) % SIZES.length]] as [number, number], [rows, 1] as [number, number]]);

const cross = <A, B>(as: A[], bs: B[]): [A, B][] => as.flatMap((a) => bs.map((b): [A, B] => [a, b]));

/** Matmul is summed in a different order on the CPU (double-precision dots for 'nt'): a few f32 ulps of Σ|a·b|. */
const MATMUL_TOLERANCE = 2e-5;
/** exp, log and tanh differ from Math's by a few ulps. */
const TRANSCENDENTAL_TOLERANCE = 1e-6;

const matmul = (m: number, k: number, n: number, transpose: Transpose, accumulate: boolean): ParityCase => ({
  name: `matmul ${transpose} ${m}×${k}×${n}${accumulate ? ' accumulate' : ''}`,
  inputs: { a: m * k, b: k * n, out: m * n },
  run: (b, t) => b.matmul(t.a, t.b, t.out, m, k, n, transpose, accumulate),
  outputs: ['out'],
  tolerance: MATMUL_TOLERANCE,
});

const dense = (rows: number, inDim: number, outDim: number, activation: Activation): ParityCase => ({
  name: `dense ${activation} ${rows}×${inDim}→${outDim}`,
  inputs: { x: rows * inDim, w: inDim * outDim, b: outDim, out: rows * outDim + 5 },
  run: (b, t) => b.dense(t.x, t.w, t.b, t.out, rows, inDim, outDim, activation),
  outputs: ['out'],
  tolerance: MATMUL_TOLERANCE,
});

const activationBackward = (count: number, activation: Activation, inPlace: boolean): ParityCase => ({
  name: `activationBackward ${activation} ${count}${inPlace ? ' in place' : ''}`,
  // y in the range each activation produces: sigmoid (0, 1), tanh (-1, 1), relu with zeros.
  inputs: { y: activation === 'relu' ? uniform(count, count, -1, 1).map((v) => Math.max(v, 0)) : uniform(count, count, activation === 'sigmoid' ? 0 : -1, 1), dy: count + 3, dx: count + 3 },
  run: (b, t) => b.activationBackward(t.y, t.dy, inPlace ? t.dy : t.dx, count, activation),
  outputs: [inPlace ? 'dy' : 'dx'],
  tolerance: 1e-6,
});

const dropout = (count: number, rate: number, inPlace: boolean, backward: boolean): ParityCase => ({
  name: `dropout${backward ? 'Backward' : ''} rate ${rate} ${count}${inPlace ? ' in place' : ''}`,
  inputs: { x: count + 2, out: count + 2 },
  run: (b, t) => {
    const out = inPlace ? t.x : t.out;
    if (backward) b.dropoutBackward(t.x, out, count, rate, 1234 + count, 7);
    else b.dropout(t.x, out, count, rate, 1234 + count, 7);
  },
  outputs: [inPlace ? 'x' : 'out'],
  tolerance: 0,
});

const addNoise = (count: number, std: number): ParityCase => ({
  name: `addNoise std ${std} ${count}`,
  inputs: { x: count + 1 },
  run: (b, t) => b.addNoise(t.x, count, std, 99 + count, 3),
  outputs: ['x'],
  tolerance: 0,
});

/** Mixup of a batch of `rows` rows, `dim` features and `classes` targets, in place, over tensors with room to spare (the rows past the batch stay). */
const mixBatch = (rows: number, dim: number, classes = 3): ParityCase => ({
  name: `mixBatch ${rows}×${dim}, ${classes} classes`,
  inputs: { x: rows * dim + 3, targets: rows * classes + 1, weights: rows + 2 },
  run: (b, t) => b.mixBatch(t.x, dim, t.targets, classes, t.weights, rows, 77 + rows, 5),
  outputs: ['x', 'targets', 'weights'],
  tolerance: 0,
});

const softmaxCrossEntropy = (rows: number, classes: number, soft: boolean): ParityCase => ({
  name: `softmaxCrossEntropy ${soft ? 'soft' : 'hard'} ${rows}×${classes}`,
  inputs: {
    logits: rows * classes,
    targets: targetRows(rows, classes, rows + classes, soft),
    // Some zero weights: they must drop out of the loss and the gradient.
    weights: uniform(rows, rows, -0.5, 2).map((w) => Math.max(w, 0)),
    dLogits: rows * classes,
    stats: Float32Array.from({ length: STATS.size }, (_, i) => i + 1),
  },
  run: (b, t) => b.softmaxCrossEntropy(t.logits, t.targets, t.weights, rows, classes, t.dLogits, t.stats),
  outputs: ['dLogits', 'stats'],
  tolerance: TRANSCENDENTAL_TOLERANCE,
});

const softmax = (rows: number, classes: number, probsRow: number): ParityCase => ({
  name: `softmax ${rows}×${classes} at row ${probsRow}`,
  inputs: { logits: rows * classes, probs: (probsRow + rows + 1) * classes },
  run: (b, t) => b.softmax(t.logits, rows, classes, t.probs, probsRow),
  outputs: ['probs'],
  tolerance: TRANSCENDENTAL_TOLERANCE,
});

/** Classify at an output row, over normal logits or logits rounded to halves (exact ties: the lower class wins). */
const classify = (rows: number, classes: number, outRow: number, ties: boolean): ParityCase => ({
  name: `classify ${rows}×${classes} at row ${outRow}${ties ? ' with ties' : ''}`,
  inputs: {
    logits: ties ? uniform(rows * classes, rows + classes, -2, 2).map((v) => Math.round(2 * v) / 2) : rows * classes,
    out: (outRow + rows + 1) * CLASSIFY.size,
  },
  run: (b, t) => b.classify(t.logits, rows, classes, t.out, outRow),
  outputs: ['out'],
  tolerance: TRANSCENDENTAL_TOLERANCE,
});

const sumRows = (rows: number, cols: number, accumulate: boolean): ParityCase => ({
  name: `sumRows ${rows}×${cols}${accumulate ? ' accumulate' : ''}`,
  inputs: { x: rows * cols, out: cols + 2 },
  run: (b, t) => b.sumRows(t.x, rows, cols, t.out, accumulate),
  outputs: ['out'],
  tolerance: 0,
});

const gather = (srcRows: number, dim: number, rows: number, indexOffset: number): ParityCase => ({
  name: `gather ${rows} of ${srcRows}×${dim} from ${indexOffset}`,
  inputs: { src: srcRows * dim, index: rowIndices(indexOffset + rows + 2, srcRows, srcRows * dim), out: rows * dim + 1 },
  run: (b, t, ix) => b.gather(t.src, dim, ix.index, indexOffset, rows, t.out),
  outputs: ['out'],
  tolerance: 0,
});

/** Seeded bytes, 0 to 255 (pixels). */
const pixelBytes = (n: number, seed: number) => Uint8Array.from(uniform(n, seed), (v) => Math.floor(v * 256));

/**
 * A gather from image bytes (a byte tensor made in the op, as a session uploads pixels): each
 * byte arrives as its pixel value, bit for bit; then, when `batch`, a target and a weight of
 * the same rows, merged with it into one dispatch on the GPU.
 */
const byteGather = (srcRows: number, dim: number, rows: number, indexOffset: number, batch = false): ParityCase => ({
  name: `gather ${rows} of ${srcRows}×${dim} bytes from ${indexOffset}${batch ? ', with targets and weights' : ''}`,
  inputs: { index: rowIndices(indexOffset + rows + 2, srcRows, srcRows * dim + 1), out: rows * dim + 1, y: srcRows * 3, w: srcRows, by: rows * 3, bw: rows },
  run(b, t, ix) {
    const pixels = b.createByteTensor(pixelBytes(srcRows * dim, dim + rows), 'pixels');
    b.gather(pixels, dim, ix.index, indexOffset, rows, t.out);
    if (batch) {
      b.gather(t.y, 3, ix.index, indexOffset, rows, t.by);
      b.gather(t.w, 1, ix.index, indexOffset, rows, t.bw);
    }
    b.destroy(pixels);
  },
  outputs: batch ? ['out', 'by', 'bw'] : ['out'],
  tolerance: 0,
});

/** The trainer's three gathers of one batch (features, targets, weights), merged into one dispatch on the GPU. */
const batchGather = (srcRows: number, dim: number, classes: number, rows: number): ParityCase => ({
  name: `gather batch of ${rows}: ${dim} features, ${classes} targets, a weight`,
  inputs: { x: srcRows * dim, y: srcRows * classes, w: srcRows, order: rowIndices(rows + 4, srcRows, rows), bx: rows * dim, by: rows * classes, bw: rows },
  run: (b, t, ix) => {
    b.gather(t.x, dim, ix.order, 4, rows, t.bx);
    b.gather(t.y, classes, ix.order, 4, rows, t.by);
    b.gather(t.w, 1, ix.order, 4, rows, t.bw);
  },
  outputs: ['bx', 'by', 'bw'],
  tolerance: 0,
});

/**
 * A dense layer's weight and bias gradients, as src/model enqueues them: 'tn' matmul then
 * sumRows of the same rows, into views of one gradient buffer (one dispatch on the GPU).
 * `rowsOff` sums fewer rows than the product used, which must not merge.
 */
const layerGradients = (inDim: number, rows: number, outDim: number, rowsOff: number): ParityCase => ({
  name: `weight and bias gradients ${inDim}×${rows}×${outDim}${rowsOff ? `, bias over ${rows - rowsOff} rows` : ''}`,
  inputs: { x: rows * inDim, dy: rows * outDim, grads: Math.ceil((inDim * outDim) / 64) * 64 + outDim },
  run: (b, t) => {
    const weightsAt = b.view(t.grads, 0, inDim * outDim, 'weight gradient');
    const biasAt = b.view(t.grads, Math.ceil((inDim * outDim) / 64) * 64, outDim, 'bias gradient');
    b.matmul(t.x, t.dy, weightsAt, inDim, rows, outDim, 'tn', false);
    b.sumRows(t.dy, rows - rowsOff, outDim, biasAt, false);
  },
  outputs: ['grads'],
  tolerance: MATMUL_TOLERANCE,
});

const sgdStep = (count: number, momentum: number, l2: number): ParityCase => ({
  name: `sgdStep ${count} momentum ${momentum} l2 ${l2}`,
  inputs: { params: count, grads: count, velocity: count, decay: uniform(count, count).map((v) => (v < 0.7 ? 1 : 0)) },
  run: (b, t) => b.sgdStep(t.params, t.grads, t.velocity, t.decay, count, { lr: 0.05, momentum, l2 }),
  outputs: ['params', 'velocity'],
  tolerance: 1e-6,
});

const adamStep = (count: number, step: number, l2: number): ParityCase => ({
  name: `adamStep ${count} t=${step} l2 ${l2}`,
  inputs: { params: count, grads: count, moments: uniform(2 * count, count, 0, 0.01), decay: uniform(count, count).map((v) => (v < 0.7 ? 1 : 0)) },
  run: (b, t) => b.adamStep(t.params, t.grads, t.moments, t.decay, count, { lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, l2, step }),
  outputs: ['params', 'moments'],
  tolerance: 1e-6,
});

const fill = (count: number, value: number): ParityCase => ({
  name: `fill ${count} with ${value}`,
  inputs: { x: count },
  run: (b, t) => b.fill(t.x, value),
  outputs: ['x'],
  tolerance: 0,
});

/** A window at a VIEW_ALIGN offset: ops on views touch only their window. */
const viewOps = (size: number): ParityCase => ({
  name: `ops on views of a ${size + 128}-float tensor`,
  inputs: { whole: size + 128, src: size },
  run: (b, t) => {
    const window = b.view(t.whole, 64, size, 'window');
    b.sumRows(t.src, 1, size, window, true);
    b.fill(b.view(t.whole, 0, 64, 'head'), -2);
  },
  outputs: ['whole'],
  tolerance: 0,
});

/**
 * The cases of kernels whose layout depends on the adapter (software or not): matmul's
 * entry points, the losses' and the conv weight gradient's workgroup sizes. The tests run
 * them under both tunings.
 */
export const TUNED_CASES: ParityCase[] = [
  ...cross(MATMUL_SHAPES, TRANSPOSES).flatMap(([[m, k, n], transpose]) => [matmul(m, k, n, transpose, false), matmul(m, k, n, transpose, true)]),
  ...cross([[1, 1, 1], [17, 3, 65], [65, 257, 17], [257, 17, 3], [33, 20, 40]] as [number, number, number][], ACTIVATIONS).map(([[r, i, o], act]) => dense(r, i, o, act)),
  ...([[2, 16, 16], [16, 16, 2], [784, 128, 10], [33, 65, 31], [1, 1, 1], [40, 20, 33]] as [number, number, number][]).map(([i, r, o]) => layerGradients(i, r, o, 0)),
  layerGradients(16, 17, 16, 1),
  ...cross(ROW_SHAPES, [false, true]).filter(([[, c]]) => c >= 2).map(([[r, c], soft]) => softmaxCrossEntropy(r, c, soft)),
  softmaxCrossEntropy(300, 10, false),
  ...CONV_TUNED_CASES,
  ...PRETEXT_TUNED_CASES,
];

export const OP_CASES: ParityCase[] = [
  ...TUNED_CASES,
  ...cross(SIZES, ACTIVATIONS).flatMap(([count, act]) => [activationBackward(count, act, false), activationBackward(count, act, true)]),
  ...cross(SIZES, [0, 0.1, 0.5, 1]).flatMap(([count, rate]) => [dropout(count, rate, false, false), dropout(count, rate, true, true)]),
  ...cross(SIZES, [0.05, 1]).map(([count, std]) => addNoise(count, std)),
  ...ROW_SHAPES.map(([r, c]) => mixBatch(r, c)),
  mixBatch(16, 784, 10),
  ...ROW_SHAPES.map(([r, c]) => softmax(r, c, r % 3)),
  ...cross(cross(SIZES, [2, 3, 10]), [false, true]).map(([[r, c], ties]) => classify(r, c, r % 3, ties)),
  ...cross(ROW_SHAPES, [false, true]).map(([[r, c], acc]) => sumRows(r, c, acc)),
  ...ROW_SHAPES.map(([r, c], i) => gather(r + 4, c, SIZES[i % SIZES.length], i % 2 ? 3 : 0)),
  batchGather(100, 2, 3, 17),
  batchGather(300, 65, 10, 257),
  byteGather(5, 1, 1, 0),
  byteGather(21, 3, 17, 3),
  byteGather(70, 784, 65, 1, true),
  byteGather(260, 17, 257, 0, true),
  ...cross(SIZES, [[0, 0], [0.9, 1e-3]] as [number, number][]).map(([count, [momentum, l2]]) => sgdStep(count, momentum, l2)),
  ...cross(SIZES, [[1, 0], [10, 1e-3]] as [number, number][]).map(([count, [step, l2]]) => adamStep(count, step, l2)),
  ...cross(SIZES, [0, -1.5]).map(([count, value]) => fill(count, value)),
  viewOps(17),
  viewOps(257),
  ...CONV_CASES,
  ...SHIFT_CASES,
  ...PRETEXT_CASES,
];

/**
 * Every op over K models at once (stacked tensors, workgroup z on the GPU), with the inputs
 * a multi-model network shares (the dataset, the batch, the decay mask) shared.
 */
export const STACKED_CASES: ParityCase[] = [
  ...TRANSPOSES.flatMap((t) => [stacked(matmul(17, 33, 9, t, false), 3), stacked(matmul(40, 20, 33, t, true), 2, ['a'])]),
  stacked(matmul(65, 257, 17, 'nn', false), 3, ['b']),
  stacked(byteGather(21, 17, 9, 2, true), 3, ['y', 'w']),
  stacked(dense(17, 3, 65, 'tanh'), 3, ['x']),
  stacked(dense(65, 257, 17, 'relu'), 4),
  stacked(dense(16, 2, 16, 'tanh'), 16, ['x']),
  stacked(layerGradients(16, 17, 16, 0), 3),
  stacked(layerGradients(33, 65, 31, 0), 2),
  stacked(softmaxCrossEntropy(17, 3, false), 3, ['targets', 'weights']),
  stacked(softmaxCrossEntropy(65, 10, true), 2),
  stacked(activationBackward(65, 'tanh', false), 3),
  stacked(activationBackward(17, 'relu', true), 3),
  stacked(dropout(65, 0.5, false, false), 3),
  stacked(dropout(17, 0.1, true, true), 3),
  stacked(addNoise(65, 0.5), 3),
  stacked(mixBatch(17, 10), 3),
  stacked(softmax(17, 3, 2), 3),
  stacked(classify(65, 10, 1, false), 3),
  stacked(sumRows(17, 65, true), 3),
  stacked(gather(20, 3, 17, 3), 3, ['src']),
  stacked(gather(20, 65, 17, 0), 2),
  stacked(batchGather(100, 2, 3, 17), 3, ['x', 'y', 'w']),
  stacked(sgdStep(257, 0.9, 1e-3), 3, ['decay']),
  stacked(adamStep(257, 10, 1e-3), 3, ['decay']),
  stacked(fill(17, -1.5), 3),
  stacked(viewOps(17), 3, ['src']),
  ...CONV_STACKED_CASES,
  ...SHIFT_STACKED_CASES,
  ...PRETEXT_STACKED_CASES,
];
