/** Convolution and pooling ops as parity cases over awkward shapes (1, 3, 17 rows; 5×7 and 28×28 images; 1, 3, 8 channels). */
import type { Activation, ConvShape, ImageShape } from '../../../src/engine/backend.ts';
import { stacked, uniform, type ParityCase } from './parity.ts';

/** Sums of channels·kernel² products in another order than the CPU's: a few f32 ulps, as matmul's. */
const CONV_TOLERANCE = 2e-5;
/**
 * The weight gradient sums n = rows·height·width products per weight (13,328 for 17 images of
 * 28×28), the CPU in float64, the GPU in f32 partial sums: the rounding grows as √n ulps of
 * the partial sums: 2e-5 of (1 + |dw|) seen at n = 13,328 with unit-normal inputs.
 */
const weightGradTolerance = (n: number) => Math.max(CONV_TOLERANCE, 1e-6 * Math.sqrt(n));
/** Extra elements past every output: an op that writes past its rows fails the comparison. */
const SLACK = 5;

const conv = (inChannels: number, outChannels: number, height: number, width: number, kernel = 3): ConvShape => ({ inChannels, outChannels, height, width, kernel });
const label = (rows: number, s: ConvShape) => `${rows}×${s.inChannels}×${s.height}×${s.width} → ${s.outChannels}, ${s.kernel}×${s.kernel}`;

const conv2d = (rows: number, s: ConvShape, activation: Activation): ParityCase => ({
  name: `conv2d ${activation} ${label(rows, s)}`,
  inputs: { x: rows * s.inChannels * s.height * s.width, w: s.outChannels * s.inChannels * s.kernel ** 2, b: s.outChannels, out: rows * s.outChannels * s.height * s.width + SLACK },
  run: (b, t) => b.conv2d(t.x, t.w, t.b, t.out, rows, s, activation),
  outputs: ['out'],
  tolerance: CONV_TOLERANCE,
});

const conv2dInputGrad = (rows: number, s: ConvShape): ParityCase => ({
  name: `conv2dInputGrad ${label(rows, s)}`,
  inputs: { dy: rows * s.outChannels * s.height * s.width, w: s.outChannels * s.inChannels * s.kernel ** 2, dx: rows * s.inChannels * s.height * s.width + SLACK },
  run: (b, t) => b.conv2dInputGrad(t.dy, t.w, t.dx, rows, s),
  outputs: ['dx'],
  tolerance: CONV_TOLERANCE,
});

const conv2dWeightGrad = (rows: number, s: ConvShape): ParityCase => ({
  name: `conv2dWeightGrad ${label(rows, s)}`,
  inputs: {
    x: rows * s.inChannels * s.height * s.width,
    dy: rows * s.outChannels * s.height * s.width,
    dw: s.outChannels * s.inChannels * s.kernel ** 2 + SLACK,
    db: s.outChannels + SLACK,
  },
  run: (b, t) => b.conv2dWeightGrad(t.x, t.dy, t.dw, t.db, rows, s),
  outputs: ['dw', 'db'],
  tolerance: weightGradTolerance(rows * s.height * s.width),
});

/**
 * A conv layer's weight and bias gradients as src/model enqueues them: views of one gradient
 * buffer, the bias at the next aligned offset. Stacked, their bindings span every model's
 * slice and so meet; the kernel must still write both in one dispatch.
 */
const convLayerGradients = (rows: number, s: ConvShape): ParityCase => {
  const weights = s.outChannels * s.inChannels * s.kernel ** 2;
  const biasAt = Math.ceil(weights / 64) * 64;
  return {
    name: `conv2dWeightGrad into views of one buffer ${label(rows, s)}`,
    inputs: { x: rows * s.inChannels * s.height * s.width, dy: rows * s.outChannels * s.height * s.width, grads: biasAt + s.outChannels + SLACK },
    run: (b, t) => b.conv2dWeightGrad(t.x, t.dy, b.view(t.grads, 0, weights, 'dw'), b.view(t.grads, biasAt, s.outChannels, 'db'), rows, s),
    outputs: ['grads'],
    tolerance: weightGradTolerance(rows * s.height * s.width),
  };
};

/** Inputs for pooling: whole numbers in [0, 4), so windows hold ties that the first-maximum rule must break alike. */
const pixels = (n: number, seed: number) => uniform(n, seed, 0, 4).map(Math.floor);

const maxPool = (rows: number, shape: ImageShape): ParityCase => {
  const { channels, height, width } = shape;
  const size = rows * channels * height * width;
  return {
    name: `maxPool ${rows}×${channels}×${height}×${width}`,
    inputs: { x: pixels(size, size), out: rows * channels * Math.floor(height / 2) * Math.floor(width / 2) + SLACK },
    run: (b, t) => b.maxPool(t.x, t.out, rows, shape),
    outputs: ['out'],
    tolerance: 0,
  };
};

const maxPoolBackward = (rows: number, shape: ImageShape): ParityCase => {
  const { channels, height, width } = shape;
  const size = rows * channels * height * width;
  return {
    name: `maxPoolBackward ${rows}×${channels}×${height}×${width}`,
    inputs: { x: pixels(size, size + 1), dy: rows * channels * Math.floor(height / 2) * Math.floor(width / 2), dx: size + SLACK },
    run: (b, t) => b.maxPoolBackward(t.x, t.dy, t.dx, rows, shape),
    outputs: ['dx'],
    tolerance: 0,
  };
};

/**
 * (rows, shape): every row count, both image sizes, 1, 3 and 8 channels in and out, 9 outputs
 * (past a block of 8); on a software adapter's tiles (conv2dTiles.wgsl) also a 5×5 kernel on
 * a 14-pixel tile 9 wide, and a 15-wide image whose second strip holds one pixel, from 9
 * source channels.
 */
const CONV_SHAPES: [number, ConvShape][] = [
  [1, conv(1, 1, 5, 7)],
  [3, conv(3, 8, 5, 7)],
  [17, conv(1, 3, 7, 5)],
  [1, conv(8, 9, 28, 28)],
  [3, conv(1, 8, 28, 28)],
  [17, conv(8, 3, 28, 28)],
  [3, conv(3, 3, 5, 7, 1)],
  [3, conv(3, 8, 7, 5, 5)],
  [2, conv(3, 16, 11, 9, 5)],
  [3, conv(9, 4, 14, 15)],
];
const POOL_SHAPES: [number, ImageShape][] = [
  [1, { channels: 1, height: 5, width: 7 }],
  [3, { channels: 3, height: 7, width: 5 }],
  [17, { channels: 8, height: 28, width: 28 }],
  [3, { channels: 8, height: 2, width: 3 }],
];

/** The weight gradient's workgroup size depends on the adapter (software or not): the tests run it under both tunings. */
export const CONV_TUNED_CASES: ParityCase[] = [...CONV_SHAPES.map(([rows, s]) => conv2dWeightGrad(rows, s)), convLayerGradients(3, conv(3, 8, 5, 7))];

export const CONV_CASES: ParityCase[] = [
  ...CONV_SHAPES.map(([rows, s]) => conv2d(rows, s, 'relu')),
  ...(['linear', 'tanh', 'sigmoid'] as const).map((activation) => conv2d(3, conv(3, 8, 5, 7), activation)),
  ...CONV_SHAPES.map(([rows, s]) => conv2dInputGrad(rows, s)),
  ...POOL_SHAPES.flatMap(([rows, shape]) => [maxPool(rows, shape), maxPoolBackward(rows, shape)]),
];

/** The ops over K models at once, the input a first layer shares (the batch) shared where it can be. */
export const CONV_STACKED_CASES: ParityCase[] = [
  stacked(conv2d(3, conv(3, 8, 5, 7), 'relu'), 3, ['x']),
  stacked(conv2d(17, conv(1, 3, 7, 5), 'tanh'), 2),
  stacked(conv2dInputGrad(3, conv(3, 9, 7, 5)), 3),
  stacked(conv2dWeightGrad(3, conv(3, 8, 5, 7)), 3, ['x']),
  stacked(conv2dWeightGrad(1, conv(8, 9, 28, 28)), 2),
  stacked(convLayerGradients(3, conv(3, 8, 5, 7)), 3, ['x']),
  stacked(convLayerGradients(2, conv(8, 16, 14, 14)), 8),
  stacked(maxPool(3, { channels: 3, height: 7, width: 5 }), 3),
  stacked(maxPoolBackward(3, { channels: 8, height: 5, width: 7 }), 2),
];
