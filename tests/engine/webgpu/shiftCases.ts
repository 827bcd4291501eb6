/** The shifted image gather (student noise for images) as parity cases: odd image sizes, channels, shifts of 0-2, stacked. */
import type { ImageShape } from '../../../src/engine/backend.ts';
import { rowIndices, stacked, type ParityCase } from './parity.ts';

const image = (channels: number, height: number, width: number): ImageShape => ({ channels, height, width });

const gatherShifted = (srcRows: number, shape: ImageShape, rows: number, indexOffset: number, maxShift: number): ParityCase => {
  const dim = shape.channels * shape.height * shape.width;
  return {
    name: `gatherShifted ±${maxShift} ${rows} of ${srcRows}×${shape.channels}×${shape.height}×${shape.width} from ${indexOffset}`,
    inputs: { src: srcRows * dim, index: rowIndices(indexOffset + rows + 2, srcRows, srcRows * dim + maxShift), out: rows * dim + 3 },
    run: (b, t, ix) => b.gatherShifted(t.src, shape, ix.index, indexOffset, rows, t.out, maxShift, 77 + rows, 5),
    outputs: ['out'],
    tolerance: 0,
  };
};

/** The same from image bytes (a byte tensor made in the op): each pixel arrives as its value, bit for bit. */
const gatherShiftedBytes = (srcRows: number, shape: ImageShape, rows: number, indexOffset: number, maxShift: number): ParityCase => {
  const dim = shape.channels * shape.height * shape.width;
  return {
    name: `gatherShifted ±${maxShift} ${rows} of ${srcRows}×${shape.channels}×${shape.height}×${shape.width} bytes from ${indexOffset}`,
    inputs: { index: rowIndices(indexOffset + rows + 2, srcRows, srcRows * dim + maxShift + 1), out: rows * dim + 3 },
    run(b, t, ix) {
      const pixels = b.createByteTensor(Uint8Array.from({ length: srcRows * dim }, (_, i) => (i * 131 + rows) % 256), 'pixels');
      b.gatherShifted(pixels, shape, ix.index, indexOffset, rows, t.out, maxShift, 91 + rows, 6);
      b.destroy(pixels);
    },
    outputs: ['out'],
    tolerance: 0,
  };
};

export const SHIFT_CASES: ParityCase[] = [
  gatherShiftedBytes(7, image(1, 5, 7), 9, 2, 2),
  gatherShiftedBytes(30, image(1, 28, 28), 65, 1, 2),
  gatherShifted(4, image(1, 1, 1), 3, 0, 1),
  gatherShifted(10, image(1, 5, 7), 17, 3, 0),
  gatherShifted(10, image(1, 5, 7), 17, 3, 2),
  gatherShifted(6, image(3, 4, 3), 5, 0, 1),
  gatherShifted(30, image(1, 28, 28), 65, 1, 2),
];

export const SHIFT_STACKED_CASES: ParityCase[] = [
  stacked(gatherShifted(10, image(1, 5, 7), 17, 3, 2), 3, ['src']),
  stacked(gatherShifted(6, image(3, 4, 3), 5, 0, 1), 2),
  stacked(gatherShiftedBytes(7, image(1, 3, 5), 6, 1, 1), 3),
];
