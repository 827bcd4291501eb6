/**
 * A drawing turned into an image the way the MNIST digits were made (LeCun et al.): the ink's
 * bounding box is scaled, keeping its aspect ratio, to fit a 20×20 box with anti-aliasing
 * (here: each output pixel is the ink's mean over the area it covers), then placed in the
 * 28×28 field so that its centre of mass lies at the field's centre.
 */
import { IMAGE_BYTES, IMAGE_SIDE } from './format.ts';

/** Side of the box the ink's larger side is scaled to. */
export const DIGIT_BOX = 20;

/** A grayscale drawing: `width × height` ink values, row-major, 0 for none (any scale). */
export interface Drawing {
  ink: ArrayLike<number>;
  width: number;
  height: number;
}

/** The ink of `drawing` as one 28×28 image in [0, 1] (row-major, its brightest pixel 1), or null when nothing is drawn. */
export function digitImage(drawing: Drawing): Float32Array | null {
  const box = inkBox(drawing);
  if (!box) return null;
  const scale = DIGIT_BOX / Math.max(box.width, box.height);
  const width = Math.max(1, Math.round(box.width * scale));
  const height = Math.max(1, Math.round(box.height * scale));
  const small = resampleArea(drawing, box, width, height);
  const [comX, comY] = centreOfMass(small, width);
  const dx = Math.round(IMAGE_SIDE / 2 - comX);
  const dy = Math.round(IMAGE_SIDE / 2 - comY);
  const image = new Float32Array(IMAGE_BYTES);
  let brightest = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [tx, ty] = [x + dx, y + dy];
      if (tx < 0 || ty < 0 || tx >= IMAGE_SIDE || ty >= IMAGE_SIDE) continue;
      const value = small[y * width + x];
      image[ty * IMAGE_SIDE + tx] = value;
      brightest = Math.max(brightest, value);
    }
  }
  if (brightest > 0) for (let p = 0; p < IMAGE_BYTES; p++) image[p] /= brightest;
  return image;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The smallest rectangle of whole pixels that holds every inked pixel. */
function inkBox({ ink, width, height }: Drawing): Box | null {
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!(ink[y * width + x] > 0)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return right < 0 ? null : { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * `box` of the drawing resampled to `width × height`: each output pixel is the mean ink over the
 * source area it covers, fractional source pixels counted by the part of them it covers.
 */
function resampleArea({ ink, width: sourceWidth }: Drawing, box: Box, width: number, height: number): Float32Array {
  const columns = coverage(box.width, width);
  const rows = coverage(box.height, height);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (const [sy, wy] of rows[y]) {
      const rowStart = (box.top + sy) * sourceWidth + box.left;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (const [sx, wx] of columns[x]) sum += wx * ink[rowStart + sx];
        out[y * width + x] += wy * sum;
      }
    }
  }
  return out;
}

/** For each of `to` output cells over `from` source cells: the source cells it covers and the weights (summing to 1) of each. */
function coverage(from: number, to: number): [number, number][][] {
  const step = from / to;
  return Array.from({ length: to }, (_, i) => {
    const [start, end] = [i * step, (i + 1) * step];
    const cells: [number, number][] = [];
    for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
      const covered = Math.min(end, s + 1) - Math.max(start, s);
      if (covered > 0) cells.push([s, covered / step]);
    }
    return cells;
  });
}

/** The ink-weighted mean position of pixel centres, in pixels from the top left corner. */
function centreOfMass(image: Float32Array, width: number): [number, number] {
  let [mass, sumX, sumY] = [0, 0, 0];
  image.forEach((value, p) => {
    mass += value;
    sumX += value * ((p % width) + 0.5);
    sumY += value * (Math.floor(p / width) + 0.5);
  });
  return [sumX / mass, sumY / mass];
}
