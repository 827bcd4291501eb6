import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/params.ts';
import type { DatasetName, ExperimentConfig } from '../../src/config/schema.ts';
import { CLASS_RANGE, classesFor, classNames } from '../../src/data/datasets.ts';
import { makeSplit } from '../../src/data/split.ts';
import type { Dataset } from '../../src/data/types.ts';

function pool(data: DatasetName, noise: number, classes = 2, seed = 1): Dataset {
  const config: ExperimentConfig = { ...defaultConfig(), data, noise, classes, labels: classes, pool: 2000, seed };
  return makeSplit(config).pool;
}

/** Rows of a dataset as plain points. */
function rows(set: Dataset): Array<{ x: number; y: number; label: number }> {
  return Array.from({ length: set.n }, (_, i) => ({ x: set.x[2 * i], y: set.x[2 * i + 1], label: set.y[i] }));
}

const fraction = (points: ReturnType<typeof rows>, test: (p: ReturnType<typeof rows>[number]) => boolean) =>
  points.filter(test).length / points.length;

describe('circle', () => {
  it('is a disc inside a ring, labelled by radius, without noise', () => {
    for (const p of rows(pool('circle', 0))) {
      const r = Math.hypot(p.x, p.y);
      expect(r).toBeLessThanOrEqual(5 + 1e-5);
      expect(r < 2.5 || r > 3.5 - 1e-5).toBe(true);
      expect(p.label).toBe(r < 2.5 ? 0 : 1);
    }
  });

  it('flips more labels across the boundary as noise grows', () => {
    const flipped = (noise: number) => fraction(rows(pool('circle', noise)), (p) => (Math.hypot(p.x, p.y) < 3 ? 0 : 1) !== p.label);
    expect(flipped(10)).toBeGreaterThan(0);
    expect(flipped(50)).toBeGreaterThan(flipped(10) + 0.05);
  });
});

describe('xor', () => {
  it('is labelled by the sign of x·y and padded off the axes, without noise', () => {
    for (const p of rows(pool('xor', 0))) {
      expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThanOrEqual(0.3 - 1e-6);
      expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeLessThanOrEqual(5.3 + 1e-5);
      expect(p.label).toBe(p.x * p.y >= 0 ? 0 : 1);
    }
  });

  it('flips labels near the axes with noise', () => {
    expect(fraction(rows(pool('xor', 50)), (p) => (p.x * p.y >= 0 ? 0 : 1) !== p.label)).toBeGreaterThan(0.05);
  });
});

describe('gauss', () => {
  it.each([2, 3, 6])('puts %i blobs apart on a ring, each point nearest its own centre', (classes) => {
    const points = rows(pool('gauss', 0, classes));
    const means = Array.from({ length: classes }, (_, c) => {
      const own = points.filter((p) => p.label === c);
      return { x: own.reduce((s, p) => s + p.x, 0) / own.length, y: own.reduce((s, p) => s + p.y, 0) / own.length };
    });
    if (classes === 2) {
      // Playground's two blobs: (2, 2) and (-2, -2).
      expect(means[0].x).toBeCloseTo(2, 0);
      expect(means[1].y).toBeCloseTo(-2, 0);
    }
    const nearest = (p: { x: number; y: number }) =>
      means.reduce((best, m, c) => (Math.hypot(p.x - m.x, p.y - m.y) < Math.hypot(p.x - means[best].x, p.y - means[best].y) ? c : best), 0);
    expect(fraction(points, (p) => nearest(p) === p.label)).toBeGreaterThan(0.99);
  });

  it('spreads the blobs with noise', () => {
    const spread = (noise: number) => {
      const own = rows(pool('gauss', noise)).filter((p) => p.label === 0);
      return Math.sqrt(own.reduce((s, p) => s + (p.x - 2) ** 2, 0) / own.length);
    };
    expect(spread(0)).toBeCloseTo(Math.sqrt(0.5), 1);
    expect(spread(50)).toBeCloseTo(2, 0);
  });
});

describe('spiral', () => {
  it.each([2, 3, 5])('draws %i arms of 1.75 turns out to radius 5, without noise', (classes) => {
    for (const p of rows(pool('spiral', 0, classes))) {
      const r = Math.hypot(p.x, p.y);
      expect(r).toBeLessThanOrEqual(5 + 1e-5);
      if (r < 0.2) continue;
      const expected = 1.75 * (r / 5) * 2 * Math.PI + (2 * Math.PI * p.label) / classes;
      const turn = (Math.atan2(p.x, p.y) - expected) / (2 * Math.PI);
      expect(Math.abs(turn - Math.round(turn))).toBeLessThan(1e-3);
    }
  });

  it('jitters points by at most the noise fraction on each axis', () => {
    for (const p of rows(pool('spiral', 50))) expect(Math.hypot(p.x, p.y)).toBeLessThanOrEqual(5 + Math.SQRT1_2 + 1e-5);
  });
});

describe('moons', () => {
  it('puts each class on its own half circle, without noise', () => {
    for (const p of rows(pool('moons', 0))) {
      const u = p.x / 3.5 + 0.5;
      const v = p.y / 3.5 + 0.25;
      const [cos, sin] = p.label === 0 ? [u, v] : [1 - u, 0.5 - v];
      expect(Math.hypot(cos, sin)).toBeCloseTo(1, 4);
      expect(sin).toBeGreaterThanOrEqual(-1e-5);
    }
  });

  it('stays roughly within [-6, 6] at its usual noise', () => {
    const points = rows(pool('moons', 10));
    expect(fraction(points, (p) => Math.abs(p.x) < 6 && Math.abs(p.y) < 6)).toBeGreaterThan(0.99);
  });
});

describe('classes and names', () => {
  it('clamps class counts to what each dataset supports', () => {
    expect(CLASS_RANGE).toEqual({ circle: { min: 2, max: 2 }, xor: { min: 2, max: 2 }, moons: { min: 2, max: 2 }, gauss: { min: 2, max: 6 }, spiral: { min: 2, max: 5 }, custom: { min: 2, max: 10 }, mnist: { min: 10, max: 10 }, fashion: { min: 10, max: 10 } });
    expect(classesFor('moons', 4)).toBe(2);
    expect(classesFor('spiral', 9)).toBe(5);
    expect(classesFor('gauss', 1)).toBe(2);
  });

  it('names every class', () => {
    expect(classNames({ data: 'circle', classes: 2 })).toEqual(['inner', 'outer']);
    expect(classNames({ data: 'spiral', classes: 3 })).toEqual(['arm 1', 'arm 2', 'arm 3']);
    expect(classNames({ data: 'gauss', classes: 6 })).toHaveLength(6);
    expect(classNames({ data: 'xor', classes: 5 })).toHaveLength(2);
  });
});
