import { MAX_POINTS_2D } from '../../src/data/datasets.ts';
import { describe, expect, it } from 'vitest';
import { canonicalFloat, defaultConfig, isParamActive, PARAM_KEYS, PARAM_TABLE, PARAMS } from '../../src/config/params.ts';

/** Every key issue #2 asks links to carry (and issue #4's filters and shift), in the schema's order. */
const CONFIG_KEYS = [
  'v', 'data', 'points', 'labels', 'noise', 'classes', 'pool', 'test', 'model', 'hidden', 'filters', 'act', 'dropout', 'inoise', 'shift', 'mixup', 'opt', 'lr',
  'l2', 'batch', 'epochs', 'pretrain', 'pepochs', 'pnoise', 'select', 'tau', 'percent', 'k', 'soft', 'temperature', 'lweight', 'student', 'gens', 'students', 'critic', 'agree', 'audit', 'gate', 'search', 'seed', 'backend', 'labeler',
];

describe('PARAMS', () => {
  it('describes every config key once, in link order', () => {
    expect(PARAM_KEYS).toEqual(CONFIG_KEYS);
    expect(PARAMS.map((param) => param.key)).toEqual(CONFIG_KEYS);
    expect(Object.keys(defaultConfig())).toEqual(CONFIG_KEYS);
  });

  it('gives every parameter a label, a line of help, and a default inside its range', () => {
    for (const param of PARAMS) {
      expect(param.label.length, param.key).toBeGreaterThan(0);
      expect(param.help.length, param.key).toBeGreaterThan(10);
      expect(param.help, param.key).not.toContain('\n');
      if (param.kind === 'int' || param.kind === 'float') {
        expect(param.min).toBeLessThanOrEqual(param.default);
        expect(param.default).toBeLessThanOrEqual(param.max);
        expect(param.step).toBeGreaterThan(0);
      }
      if (param.kind === 'float') {
        // Bounds must survive the codec's rounding, or a clamped value would not round-trip.
        expect(canonicalFloat(param.min)).toBe(param.min);
        expect(canonicalFloat(param.max)).toBe(param.max);
      }
      if (param.kind === 'enum') expect(param.values).toContain(param.default);
    }
  });

  it('keeps limits a school laptop can hold', () => {
    // Image sets go up to their official sizes; 2-D sets are clamped to MAX_POINTS_2D (tests/data/images/split.test.ts).
    expect([PARAM_TABLE.pool.max, PARAM_TABLE.test.max, MAX_POINTS_2D]).toEqual([60_000, 10_000, 5000]);
    expect([PARAM_TABLE.labels.min, PARAM_TABLE.labels.max]).toEqual([2, 500]);
    expect([PARAM_TABLE.hidden.maxLength, PARAM_TABLE.hidden.max]).toEqual([4, 128]);
    expect([PARAM_TABLE.gens.min, PARAM_TABLE.gens.max, PARAM_TABLE.epochs.max, PARAM_TABLE.batch.max]).toEqual([1, 20, 500, 512]);
    expect([PARAM_TABLE.lr.min, PARAM_TABLE.lr.max, PARAM_TABLE.seed.max]).toEqual([1e-5, 100, 2 ** 31 - 1]);
  });

  it('has the sensible default experiment', () => {
    expect(defaultConfig()).toMatchObject({
      data: 'moons', labels: 18, noise: 10, pool: 500, test: 1000, hidden: [8, 8], act: 'tanh', dropout: 0.1, inoise: 0.8,
      opt: 'adam', lr: 0.03, batch: 16, epochs: 50, select: 'balanced', percent: 20, k: 30, soft: true, lweight: 20,
      student: 'warm', gens: 10, seed: 42, backend: 'auto', labeler: 'engine',
    });
  });

  it('hands out independent copies of the default', () => {
    const first = defaultConfig();
    first.hidden.push(99);
    expect(defaultConfig().hidden).toEqual([8, 8]);
  });
});

describe('isParamActive', () => {
  const byKey = (key: string) => PARAMS.find((param) => param.key === key)!;
  it('shows each selection knob only under its strategy', () => {
    const config = defaultConfig();
    const shown = (select: typeof config.select) =>
      ['tau', 'percent', 'k'].filter((key) => isParamActive(byKey(key), { ...config, select }));
    expect(shown('threshold')).toEqual(['tau']);
    expect(shown('curriculum')).toEqual(['percent']);
    expect(shown('balanced')).toEqual(['k']);
  });

  it('shows temperature only with soft labels, classes only where it can change, never the version', () => {
    const config = { ...defaultConfig(), soft: false };
    expect(isParamActive(byKey('temperature'), config)).toBe(false);
    expect(isParamActive(byKey('temperature'), { ...config, soft: true })).toBe(true);
    expect(isParamActive(byKey('classes'), config)).toBe(false);
    expect(isParamActive(byKey('classes'), { ...config, data: 'spiral' })).toBe(true);
    expect(isParamActive(byKey('v'), config)).toBe(false);
    expect(isParamActive(byKey('lr'), config)).toBe(true);
  });

  it('shows conv filters only for the CNN, the activation only for the MLP, the image shift only for images', () => {
    const config = defaultConfig();
    const cnn = { ...config, data: 'mnist', model: 'cnn' } as const;
    expect(isParamActive(byKey('filters'), config)).toBe(false);
    expect(isParamActive(byKey('filters'), cnn)).toBe(true);
    expect(isParamActive(byKey('act'), config)).toBe(true);
    expect(isParamActive(byKey('act'), cnn)).toBe(false);
    expect(isParamActive(byKey('shift'), config)).toBe(false);
    expect(isParamActive(byKey('shift'), { ...config, data: 'fashion' })).toBe(true);
  });

  it('shows the gate only with an audit to gate by', () => {
    const config = defaultConfig();
    expect(isParamActive(byKey('audit'), config)).toBe(true);
    expect(isParamActive(byKey('gate'), config)).toBe(false);
    expect(isParamActive(byKey('gate'), { ...config, audit: 20 })).toBe(true);
  });
});
