import { describe, expect, it } from 'vitest';
import { dropoutKeeps, lowbias32, noiseNormal, streamHash, streamKeys } from '../../../../src/engine/ops/shared/random.ts';

describe('counter-based random numbers', () => {
  it('lowbias32 matches the C reference (u32 arithmetic), as a WGSL port must', () => {
    // Values from the C function of Wellons' hash prospector, compiled with gcc.
    expect([lowbias32(0), lowbias32(1), lowbias32(0xdeadbeef)]).toEqual([0, 1753845952, 3861431939]);
  });

  it('is a pure function of (seed, counter, index)', () => {
    const keys = streamKeys(5, 9, { a: 0, b: 0 });
    const first = Array.from({ length: 8 }, (_, i) => streamHash(keys, i));
    const again = Array.from({ length: 8 }, (_, i) => streamHash(streamKeys(5, 9, { a: 0, b: 0 }), i));
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(8);
    expect(streamHash(streamKeys(5, 10, { a: 0, b: 0 }), 0)).not.toBe(first[0]);
    expect(streamHash(streamKeys(6, 9, { a: 0, b: 0 }), 0)).not.toBe(first[0]);
  });

  it('keeps about 1 - rate of the elements under dropout', () => {
    const n = 20000;
    let kept = 0;
    for (let i = 0; i < n; i++) if (dropoutKeeps(3, 1, i, 0.3)) kept++;
    expect(kept / n).toBeGreaterThan(0.68);
    expect(kept / n).toBeLessThan(0.72);
  });

  it('gives noise with mean 0 and standard deviation 1, bounded by √12', () => {
    const n = 20000;
    const values = Array.from({ length: n }, (_, i) => noiseNormal(8, 2, i));
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.03);
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(12));
  });
});
