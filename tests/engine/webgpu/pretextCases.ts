/**
 * The self-supervised warm-up's ops as parity cases: the rotated image gather (float and byte
 * sources, channels, an index offset, every quarter turn) and the reconstruction loss (zero
 * weights, a batch whose weights are all zero, MNIST-sized rows), each stacked.
 */
import { STATS, type ImageShape } from '../../../src/engine/backend.ts';
import { rowIndices, stacked, uniform, type ParityCase } from './parity.ts';

const square = (channels: number, side: number): ImageShape => ({ channels, height: side, width: side });

/** The rows' quarter turns come from stream (43 + rows, 3): a case of 8 rows or more turns them every way (tests/engine/ops/gatherRotated checks). */
const gatherRotated = (srcRows: number, shape: ImageShape, rows: number, indexOffset: number): ParityCase => {
  const dim = shape.channels * shape.height * shape.width;
  return {
    name: `gatherRotated ${rows} of ${srcRows}×${shape.channels}×${shape.height}×${shape.width} from ${indexOffset}`,
    // out and targets have room past the batch: it must stay as it was.
    inputs: { src: srcRows * dim, index: rowIndices(indexOffset + rows + 2, srcRows, srcRows * dim + 1), out: rows * dim + 3, targets: rows * 4 + 2 },
    run: (b, t, ix) => b.gatherRotated(t.src, shape, ix.index, indexOffset, rows, t.out, t.targets, 43 + rows, 3),
    outputs: ['out', 'targets'],
    tolerance: 0,
  };
};

/** The same from image bytes (a byte tensor made in the op): each pixel arrives as its value, bit for bit. */
const gatherRotatedBytes = (srcRows: number, shape: ImageShape, rows: number, indexOffset: number): ParityCase => {
  const dim = shape.channels * shape.height * shape.width;
  return {
    name: `gatherRotated ${rows} of ${srcRows}×${shape.channels}×${shape.height}×${shape.width} bytes from ${indexOffset}`,
    inputs: { index: rowIndices(indexOffset + rows + 2, srcRows, srcRows * dim + 2), out: rows * dim + 3, targets: rows * 4 + 2 },
    run(b, t, ix) {
      const pixels = b.createByteTensor(Uint8Array.from({ length: srcRows * dim }, (_, i) => (i * 131 + rows) % 256), 'pixels');
      b.gatherRotated(pixels, shape, ix.index, indexOffset, rows, t.out, t.targets, 55 + rows, 4);
      b.destroy(pixels);
    },
    outputs: ['out', 'targets'],
    tolerance: 0,
  };
};

/** As softmaxCrossEntropy's: the GPU sums in f32 in another order than the reference's float64. */
const LOSS_TOLERANCE = 1e-6;

/** `weights`: 'some zero' (seeded, about a fifth of them 0), or 'all zero' (no gradient, Σ w = 0 added). */
const reconstructionLoss = (rows: number, dim: number, weights: 'some zero' | 'all zero'): ParityCase => ({
  name: `reconstructionLoss ${rows}×${dim}, weights ${weights}`,
  inputs: {
    outputs: rows * dim,
    targets: rows * dim,
    weights: weights === 'all zero' ? new Float32Array(rows) : uniform(rows, rows + dim, -0.5, 2).map((w) => Math.max(w, 0)),
    dOutputs: rows * dim + 1,
    stats: Float32Array.from({ length: STATS.size }, (_, i) => i + 1),
  },
  run: (b, t) => b.reconstructionLoss(t.outputs, t.targets, t.weights, rows, dim, t.dOutputs, t.stats),
  outputs: ['dOutputs', 'stats'],
  tolerance: LOSS_TOLERANCE,
});

/** The loss's cases: its workgroup size depends on the adapter, so the tests run them under both tunings. */
export const PRETEXT_TUNED_CASES: ParityCase[] = [
  reconstructionLoss(1, 1, 'some zero'),
  reconstructionLoss(3, 17, 'some zero'),
  reconstructionLoss(17, 2, 'some zero'),
  reconstructionLoss(65, 3, 'some zero'),
  reconstructionLoss(17, 65, 'all zero'),
  reconstructionLoss(65, 784, 'some zero'),
  reconstructionLoss(257, 65, 'some zero'),
  reconstructionLoss(300, 784, 'some zero'),
];

export const PRETEXT_CASES: ParityCase[] = [
  gatherRotated(4, square(1, 1), 3, 0),
  gatherRotated(10, square(1, 3), 17, 3),
  gatherRotated(10, square(1, 6), 17, 0),
  gatherRotated(6, square(3, 5), 9, 1),
  gatherRotated(30, square(1, 28), 65, 2),
  gatherRotatedBytes(7, square(1, 5), 9, 2),
  gatherRotatedBytes(6, square(3, 4), 8, 0),
  gatherRotatedBytes(30, square(1, 28), 65, 1),
];

export const PRETEXT_STACKED_CASES: ParityCase[] = [
  stacked(gatherRotated(10, square(1, 5), 17, 3), 3, ['src']),
  stacked(gatherRotated(6, square(3, 4), 9, 1), 3),
  stacked(gatherRotatedBytes(7, square(1, 5), 6, 1), 3),
  stacked(reconstructionLoss(17, 65, 'some zero'), 3, ['targets', 'weights']),
  stacked(reconstructionLoss(65, 784, 'some zero'), 3),
  stacked(reconstructionLoss(9, 5, 'all zero'), 3),
];
