/**
 * The class's own 2-D points (`data=custom`) and their compact form for a link's `points=`
 * value: each point is 24 bits, x and y quantised to 1/1000 of the view's square
 * [-DATA_HALF_WIDTH, DATA_HALF_WIDTH] (10 bits each) and its class (4 bits, 15 for none),
 * written as exactly four base64url characters.
 */
import { DATA_HALF_WIDTH, POINT_SAMPLERS } from './datasets2d.ts';
import { createRng } from './rng.ts';

/** One point of the class's own data; without `label` it has no class (it joins the pool unscored, src/data/customSplit.ts). */
export interface CustomPoint {
  readonly x: number;
  readonly y: number;
  readonly label?: number;
}

/** Most classes a custom point may name: labels 0 to MAX_CUSTOM_CLASSES - 1. */
export const MAX_CUSTOM_CLASSES = 10;
/** Steps across the square in each coordinate: a step is 12/1000 = 0.012. */
export const COORDINATE_STEPS = 1000;
/** Characters per encoded point. */
export const CHARS_PER_POINT = 4;

const NO_CLASS = 15;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Map([...ALPHABET].map((char, value) => [char, value]));

/** Whether a coordinate lies in the square the points are drawn in. */
export function inSquare(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= DATA_HALF_WIDTH;
}

const quantise = (value: number): number =>
  Math.min(COORDINATE_STEPS, Math.max(0, Math.round(((value + DATA_HALF_WIDTH) / (2 * DATA_HALF_WIDTH)) * COORDINATE_STEPS)));

const restore = (step: number): number => (step / COORDINATE_STEPS) * 2 * DATA_HALF_WIDTH - DATA_HALF_WIDTH;

/** The point as a link keeps it: coordinates on the 1/1000 grid (clamped into the square), the class as it was. */
export function quantisePoint(point: CustomPoint): CustomPoint {
  const x = restore(quantise(point.x));
  const y = restore(quantise(point.y));
  return point.label === undefined ? { x, y } : { x, y, label: point.label };
}

/** The `points=` value of a list of points; a label outside [0, MAX_CUSTOM_CLASSES) throws (the importers never make one). */
export function encodePoints(points: readonly CustomPoint[]): string {
  let text = '';
  for (const point of points) {
    const label = point.label ?? NO_CLASS;
    if (!Number.isInteger(label) || label < 0 || (label >= MAX_CUSTOM_CLASSES && label !== NO_CLASS)) {
      throw new RangeError(`a custom point's class must be a whole number from 0 to ${MAX_CUSTOM_CLASSES - 1}, not ${String(point.label)}`);
    }
    const bits = (quantise(point.x) << 14) | (quantise(point.y) << 4) | label;
    for (let shift = 18; shift >= 0; shift -= 6) text += ALPHABET[(bits >> shift) & 63];
  }
  return text;
}

/** Decoded points, or none and a note saying why the value could not be read. */
export interface DecodedPoints {
  points: CustomPoint[];
  note?: string;
}

/** Reads a `points=` value. Never throws: a damaged value gives no points and a note (the page keeps working). */
export function decodePoints(text: string): DecodedPoints {
  const damaged = (why: string): DecodedPoints => ({ points: [], note: `the link's points could not be read (${why}); no points were loaded` });
  if (text.length % CHARS_PER_POINT !== 0) return damaged(`its length, ${text.length}, is not a multiple of ${CHARS_PER_POINT}`);
  const points: CustomPoint[] = [];
  for (let start = 0; start < text.length; start += CHARS_PER_POINT) {
    let bits = 0;
    for (const char of text.slice(start, start + CHARS_PER_POINT)) {
      const digit = DIGIT.get(char);
      if (digit === undefined) return damaged(`"${char}" is not a base64url character`);
      bits = (bits << 6) | digit;
    }
    const qx = bits >> 14;
    const qy = (bits >> 4) & 1023;
    const label = bits & 15;
    const index = start / CHARS_PER_POINT + 1;
    if (qx > COORDINATE_STEPS || qy > COORDINATE_STEPS) return damaged(`point ${index} lies outside the square`);
    if (label >= MAX_CUSTOM_CLASSES && label !== NO_CLASS) return damaged(`point ${index} has class ${label}`);
    const x = restore(qx);
    const y = restore(qy);
    points.push(label === NO_CLASS ? { x, y } : { x, y, label });
  }
  return { points };
}

/** A readable name per class, as a CSV file numbers them: "class 0", "class 1", ... */
export function customClassNames(classes: number): string[] {
  return Array.from({ length: classes }, (_, c) => `class ${c}`);
}

/** Points a custom experiment starts from before the class brings its own: 60 points of two moons, quantised as a link keeps them. */
export const STARTER_POINTS: readonly CustomPoint[] = (() => {
  const rng = createRng(1);
  return Array.from({ length: 60 }, (_, i) => quantisePoint(POINT_SAMPLERS.moons(rng, i % 2, 2, 0.1)));
})();

/** How near a click must be to a point to erase it: a quarter of a unit, about the size of a mark. */
export const ERASE_RADIUS = 0.25;

/** The points without the one nearest `at`, if it lies within ERASE_RADIUS; the same list otherwise. */
export function eraseNearest(points: readonly CustomPoint[], at: { x: number; y: number }): readonly CustomPoint[] {
  let nearest = -1;
  let best = ERASE_RADIUS;
  points.forEach((point, i) => {
    const distance = Math.hypot(point.x - at.x, point.y - at.y);
    if (distance <= best) {
      best = distance;
      nearest = i;
    }
  });
  return nearest < 0 ? points : points.filter((_, i) => i !== nearest);
}
