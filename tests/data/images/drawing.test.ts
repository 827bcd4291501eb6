import { describe, expect, it } from 'vitest';
import { DIGIT_BOX, digitImage, type Drawing } from '../../../src/data/images/drawing.ts';
import { IMAGE_BYTES, IMAGE_SIDE } from '../../../src/data/images/format.ts';

/** A `side × side` canvas with ink 255 wherever `inked(x, y)`. */
function canvas(side: number, inked: (x: number, y: number) => boolean): Drawing {
  const ink = new Uint8ClampedArray(side * side);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) if (inked(x, y)) ink[y * side + x] = 255;
  return { ink, width: side, height: side };
}

/** The bounding box of the non-zero pixels of a 28×28 image. */
function box(image: Float32Array) {
  const xs: number[] = [];
  const ys: number[] = [];
  image.forEach((v, p) => v > 0 && (xs.push(p % IMAGE_SIDE), ys.push(Math.floor(p / IMAGE_SIDE))));
  return { width: Math.max(...xs) - Math.min(...xs) + 1, height: Math.max(...ys) - Math.min(...ys) + 1 };
}

function centreOfMass(image: Float32Array): [number, number] {
  let [mass, x, y] = [0, 0, 0];
  image.forEach((v, p) => ((mass += v), (x += v * ((p % IMAGE_SIDE) + 0.5)), (y += v * (Math.floor(p / IMAGE_SIDE) + 0.5))));
  return [x / mass, y / mass];
}

/** A ring of outer radius r and thickness t around (cx, cy), a rough "0". */
const ring = (cx: number, cy: number, r: number, t: number) => (x: number, y: number) => {
  const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
  return d <= r && d >= r - t;
};

describe('digitImage', () => {
  it('is null for an empty drawing', () => {
    expect(digitImage(canvas(280, () => false))).toBeNull();
  });

  it('scales the ink to a 20-pixel box, keeping its aspect ratio, centred by centre of mass, with values in [0, 1]', () => {
    // A 40 × 160 upright bar, a rough "1", off to the left of a 280-pixel canvas.
    const image = digitImage(canvas(280, (x, y) => x >= 20 && x < 60 && y >= 100 && y < 260))!;
    expect(image).toHaveLength(IMAGE_BYTES);
    expect(box(image)).toEqual({ width: 5, height: DIGIT_BOX });
    const [cx, cy] = centreOfMass(image);
    expect(Math.abs(cx - IMAGE_SIDE / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - IMAGE_SIDE / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.min(...image)).toBe(0);
    expect(Math.max(...image)).toBe(1);
  });

  it('gives the same image wherever the shape is drawn, and nearly the same at another size or canvas', () => {
    const here = digitImage(canvas(280, ring(80, 90, 60, 16)))!;
    const there = digitImage(canvas(280, ring(190, 170, 60, 16)))!;
    expect(Array.from(there)).toEqual(Array.from(here));
    // Half the size on a smaller canvas: the same digit up to the resampling of its edges.
    const small = digitImage(canvas(140, ring(70, 70, 30, 8)))!;
    const difference = small.reduce((sum, v, p) => sum + Math.abs(v - here[p]), 0) / here.reduce((sum, v) => sum + v, 0);
    expect(difference).toBeLessThan(0.1);
  });

  it('keeps the centre of mass, not the bounding box, at the centre: a lopsided shape sits off the box centre', () => {
    // An "L": a long upright bar and a short foot; its mass lies left of its box's middle.
    const image = digitImage(canvas(200, (x, y) => (x >= 40 && x < 60 && y >= 20 && y < 180) || (x >= 40 && x < 120 && y >= 160 && y < 180)))!;
    const [cx] = centreOfMass(image);
    expect(Math.abs(cx - IMAGE_SIDE / 2)).toBeLessThanOrEqual(0.5);
    const columns = Array.from({ length: IMAGE_SIDE }, (_, x) => image.some((_, p) => p % IMAGE_SIDE === x && image[p] > 0));
    const [first, last] = [columns.indexOf(true), columns.lastIndexOf(true)];
    expect((first + last + 1) / 2).toBeGreaterThan(IMAGE_SIDE / 2 + 1);
  });

  it('anti-aliases: a thin stroke shrunk below a pixel gives grey, not lost or full, pixels', () => {
    // A 2-pixel-wide diagonal over 280 pixels: scaled by 20/280 it is about 0.14 pixels wide.
    const image = digitImage(canvas(280, (x, y) => Math.abs(x - y) <= 1))!;
    const inked = Array.from(image).filter((v) => v > 0);
    expect(inked.length).toBeGreaterThanOrEqual(DIGIT_BOX);
    expect(inked.filter((v) => v < 1).length).toBeGreaterThan(0);
  });
});
