import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/params.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { validateConfig } from '../../src/config/validate.ts';
import { createRng } from '../../src/data/rng.ts';
import { gridExtent, labelQuotas, makeSplit, SPLIT_KEYS, splitSpecOf, SplitError } from '../../src/data/split.ts';
import type { Dataset, Split } from '../../src/data/types.ts';

const config = (overrides: Partial<ExperimentConfig>): ExperimentConfig => ({ ...defaultConfig(), ...overrides });
const counts = (set: Dataset) => Array.from({ length: set.classes }, (_, c) => set.y.filter((label) => label === c).length);
const bytes = (split: Split) =>
  [split.labelled, split.pool, split.test].flatMap((set) => [new Uint8Array(set.x.buffer), new Uint8Array(set.y.buffer)]);

/** FNV-1a over every byte of a split: pins the data so links keep meaning the same points. */
function checksum(split: Split): number {
  let hash = 0x811c9dc5;
  for (const part of bytes(split)) for (const byte of part) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

describe('labelQuotas', () => {
  it('spreads labels evenly, the remainder to the lowest classes', () => {
    expect(labelQuotas(8, 2)).toEqual([4, 4]);
    expect(labelQuotas(8, 3)).toEqual([3, 3, 2]);
    expect(labelQuotas(5, 5)).toEqual([1, 1, 1, 1, 1]);
    expect(labelQuotas(17, 6)).toEqual([3, 3, 3, 3, 3, 2]);
  });
});

describe('makeSplit', () => {
  const rng = createRng(5);
  const randomConfigs = Array.from({ length: 40 }, () =>
    validateConfig({
      data: (['circle', 'xor', 'gauss', 'spiral', 'moons'] as const)[rng.int(5)],
      classes: 2 + rng.int(5),
      labels: 2 + rng.int(60),
      noise: rng.int(51),
      pool: 10 + rng.int(800),
      test: 10 + rng.int(800),
      seed: rng.int(2 ** 31),
    }).config,
  );

  it.each(randomConfigs.map((c) => [`${c.data} ×${c.classes} labels=${c.labels} noise=${c.noise}`, c] as const))(
    '%s: sizes, balanced labels, labels in range, disjoint parts',
    (_, c) => {
      const split = makeSplit(c);
      for (const [set, n] of [[split.labelled, c.labels], [split.pool, c.pool], [split.test, c.test]] as const) {
        expect([set.n, set.dim, set.classes, set.x.length, set.y.length]).toEqual([n, 2, c.classes, 2 * n, n]);
        expect(set.y.every((label) => label >= 0 && label < c.classes)).toBe(true);
        expect(set.x.every(Number.isFinite)).toBe(true);
      }
      expect(counts(split.labelled)).toEqual(labelQuotas(c.labels, c.classes));
      expect(split.classNames).toHaveLength(c.classes);
      const keys = new Set<string>();
      for (const set of [split.labelled, split.pool, split.test]) {
        for (let i = 0; i < set.n; i++) keys.add(`${set.x[2 * i]},${set.x[2 * i + 1]}`);
      }
      expect(keys.size).toBe(c.labels + c.pool + c.test);
    },
  );

  it('draws the pool evenly over the classes it aims at', () => {
    expect(counts(makeSplit(config({ data: 'spiral', classes: 3, pool: 1000 })).pool)).toEqual([334, 333, 333]);
    expect(counts(makeSplit(config({ data: 'gauss', classes: 6, noise: 50, pool: 600 })).pool)).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it('shuffles each part so classes do not come in runs', () => {
    const { pool } = makeSplit(config({ data: 'spiral', noise: 0 }));
    const firstHalf = pool.y.subarray(0, 100).reduce((s, label) => s + label, 0);
    expect(firstHalf).toBeGreaterThan(30);
    expect(firstHalf).toBeLessThan(70);
    expect(Array.from(pool.y.subarray(0, 20))).not.toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it('gives bit-identical parts for the same config', () => {
    const c = config({ data: 'gauss', classes: 4, labels: 9, noise: 30 });
    expect(bytes(makeSplit(c))).toEqual(bytes(makeSplit({ ...c })));
  });

  it('keeps the default data fixed across versions', () => {
    expect(checksum(makeSplit(defaultConfig()))).toBe(4191131061);
    // Links written under the earlier defaults (labels=8, pool=1000) still mean the same points.
    expect(checksum(makeSplit(config({ labels: 8, pool: 1000 })))).toBe(1082621078);
  });

  it('changes the data with the seed and the dataset', () => {
    const base = makeSplit(config({ seed: 1 }));
    expect(makeSplit(config({ seed: 2 })).pool.x).not.toEqual(base.pool.x);
    expect(makeSplit(config({ seed: 1, data: 'circle' })).pool.x).not.toEqual(base.pool.x);
    expect(base.test.x).not.toEqual(base.pool.x.subarray(0, base.test.x.length));
  });

  it('keeps pool and test when only the label budget changes', () => {
    const few = makeSplit(config({ labels: 4 }));
    const many = makeSplit(config({ labels: 40 }));
    expect(many.pool.x).toEqual(few.pool.x);
    expect(many.test.y).toEqual(few.test.y);
    expect(many.labelled.n).toBe(40);
  });

  it('handles the largest sizes quickly, even on a noiseless curve', () => {
    const started = performance.now();
    const split = makeSplit(config({ data: 'spiral', classes: 5, noise: 0, labels: 500, pool: 5000, test: 5000 }));
    expect(split.pool.n + split.test.n + split.labelled.n).toBe(10500);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses configs that validateConfig would have fixed, saying so', () => {
    expect(() => makeSplit(config({ data: 'moons', classes: 3 }))).toThrow(SplitError);
    expect(() => makeSplit(config({ labels: 1 }))).toThrow(/at least one per class/);
    expect(() => makeSplit(config({ noise: 80 }))).toThrow(/validateConfig/);
    expect(() => makeSplit(config({ pool: 0 }))).toThrow(SplitError);
  });
});

describe('the audit set', () => {
  const points = (set: Dataset) => Array.from({ length: set.n }, (_, i) => `${set.x[2 * i]},${set.x[2 * i + 1]}`);

  it.each(['moons', 'circle', 'spiral', 'xor', 'gauss'] as const)('on %s: balanced like the labels, disjoint from every other part, by seed', (data) => {
    const c = config({ data, classes: data === 'spiral' || data === 'gauss' ? 3 : 2, audit: 50, noise: 20 });
    const split = makeSplit(c);
    const audit = split.audit!;
    expect([audit.n, audit.dim, audit.classes]).toEqual([50, 2, c.classes]);
    expect(counts(audit)).toEqual(labelQuotas(50, c.classes));
    const others = new Set([split.labelled, split.pool, split.test].flatMap(points));
    expect(points(audit).filter((point) => others.has(point))).toEqual([]);
    expect(new Set(points(audit)).size).toBe(50);
    expect(bytes({ ...split, test: audit })).toEqual(bytes({ ...makeSplit({ ...c }), test: makeSplit({ ...c }).audit! }));
    expect(makeSplit({ ...c, seed: c.seed + 1 }).audit!.x).not.toEqual(audit.x);
  });

  it('leaves the labels, pool and test set as audit=0 draws them, and audit=0 draws none', () => {
    const without = makeSplit(config({ data: 'spiral' }));
    const withAudit = makeSplit(config({ data: 'spiral', audit: 40 }));
    expect(without.audit).toBeUndefined();
    expect(bytes(withAudit)).toEqual(bytes(without));
    expect(checksum(makeSplit(config({ audit: 0 })))).toBe(4191131061);
  });
});

describe('gridExtent', () => {
  it('is a square of whole numbers, at least [-6, 6], holding every point', () => {
    for (const data of ['circle', 'gauss', 'moons'] as const) {
      const split = makeSplit(config({ data, noise: 50 }));
      const [xMin, xMax, yMin, yMax] = gridExtent(split);
      expect([xMin, yMin, yMax]).toEqual([-xMax, -xMax, xMax]);
      expect(Number.isInteger(xMax) && xMax >= 6).toBe(true);
      for (const set of [split.labelled, split.pool, split.test]) expect(set.x.every((v) => Math.abs(v) <= xMax)).toBe(true);
    }
    expect(gridExtent(makeSplit(config({ data: 'circle', noise: 0 })))).toEqual([-6, 6, -6, 6]);
    expect(gridExtent(makeSplit(config({ data: 'gauss', noise: 50 })))[1]).toBeGreaterThan(6);
  });
});

describe('the settings a split depends on', () => {
  it('are the nine SPLIT_KEYS, picked out of a config and nothing else', () => {
    const config: ExperimentConfig = { ...defaultConfig(), data: 'gauss', classes: 3, labels: 9, audit: 12, noise: 20, pool: 300, test: 200, seed: 7 };
    expect(splitSpecOf(config)).toEqual({ data: 'gauss', points: '', classes: 3, labels: 9, audit: 12, noise: 20, pool: 300, test: 200, seed: 7 });
    expect(Object.keys(splitSpecOf(config))).toEqual([...SPLIT_KEYS]);
  });

  it('are all the split reads: a config that differs elsewhere draws the same split', () => {
    const config: ExperimentConfig = { ...defaultConfig(), data: 'spiral', labels: 10, pool: 200, test: 100 };
    const other: ExperimentConfig = { ...config, lr: 0.5, hidden: [3], gens: 2, epochs: 1, model: 'mlp', select: 'threshold' };
    expect(makeSplit(other)).toEqual(makeSplit(splitSpecOf(config)));
  });
});
