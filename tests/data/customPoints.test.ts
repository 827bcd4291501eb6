import { describe, expect, it } from 'vitest';
import { CHARS_PER_POINT, decodePoints, encodePoints, eraseNearest, quantisePoint, type CustomPoint } from '../../src/data/customPoints.ts';
import { createRng } from '../../src/data/rng.ts';

/** 300 points spread over the square, every class and some unlabelled. */
function somePoints(): CustomPoint[] {
  const rng = createRng(7);
  return Array.from({ length: 300 }, (_, i) => {
    const x = rng.next() * 12 - 6;
    const y = rng.next() * 12 - 6;
    return i % 11 === 10 ? { x, y } : { x, y, label: i % 10 };
  });
}

describe('the points= encoding', () => {
  it('gives back the quantised points, four characters each', () => {
    const points = somePoints();
    const text = encodePoints(points);
    expect(text).toHaveLength(points.length * CHARS_PER_POINT);
    expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
    const decoded = decodePoints(text);
    expect(decoded.note).toBeUndefined();
    expect(decoded.points).toEqual(points.map(quantisePoint));
    expect(encodePoints(decoded.points)).toBe(text);
  });

  it('keeps coordinates within 0.006 and the corners exactly', () => {
    const points = somePoints();
    decodePoints(encodePoints(points)).points.forEach((point, i) => {
      expect(Math.abs(point.x - points[i].x)).toBeLessThanOrEqual(0.006 + 1e-12);
      expect(Math.abs(point.y - points[i].y)).toBeLessThanOrEqual(0.006 + 1e-12);
    });
    const corners = [{ x: -6, y: -6, label: 0 }, { x: 6, y: 6, label: 9 }, { x: 0, y: 0 }];
    expect(decodePoints(encodePoints(corners)).points).toEqual(corners);
  });

  it('encodes no points as the empty value', () => {
    expect(encodePoints([])).toBe('');
    expect(decodePoints('')).toEqual({ points: [] });
  });

  it('refuses to encode a class it cannot hold', () => {
    expect(() => encodePoints([{ x: 0, y: 0, label: 10 }])).toThrow(RangeError);
    expect(() => encodePoints([{ x: 0, y: 0, label: 1.5 }])).toThrow(RangeError);
  });

  it('reads a damaged value as no points and a note', () => {
    const good = encodePoints([{ x: 1, y: 2, label: 1 }, { x: -1, y: -2, label: 0 }]);
    const cases: Array<[string, RegExp]> = [
      [good.slice(0, -1), /length, 7, is not a multiple of 4/],
      [`${good.slice(0, 4)}a+b/`, /"\+" is not a base64url character/],
      // 0xFFFFFF: x and y past 1000.
      ['____', /point 1 lies outside the square/],
      // x = y = 0, class 12.
      [`${good}AAAM`, /point 3 has class 12/],
    ];
    for (const [text, why] of cases) {
      const decoded = decodePoints(text);
      expect(decoded.points).toEqual([]);
      expect(decoded.note).toMatch(why);
      expect(decoded.note).toMatch(/no points were loaded/);
    }
  });
});

describe('eraseNearest', () => {
  const points: CustomPoint[] = [{ x: 0, y: 0, label: 0 }, { x: 0.2, y: 0, label: 1 }, { x: 3, y: 3 }];

  it('removes the point nearest the click', () => {
    expect(eraseNearest(points, { x: 0.15, y: 0.05 })).toEqual([points[0], points[2]]);
    expect(eraseNearest(points, { x: 3.1, y: 2.9 })).toEqual([points[0], points[1]]);
  });

  it('leaves the points as they are where none is within reach', () => {
    expect(eraseNearest(points, { x: 1.5, y: 1.5 })).toBe(points);
  });
});
