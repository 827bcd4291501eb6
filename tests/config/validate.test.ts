import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/params.ts';
import { showValue, validateConfig } from '../../src/config/validate.ts';
import { createRng } from '../../src/data/rng.ts';
import { configProblems, randomRawConfig } from './configFixtures.ts';

describe('validateConfig', () => {
  it('passes the default config unchanged and silently', () => {
    expect(validateConfig(defaultConfig())).toEqual({ config: defaultConfig(), notes: [] });
  });

  it('makes every random in-range config valid, and is idempotent', () => {
    const rng = createRng(11);
    let adjusted = 0;
    for (let i = 0; i < 1000; i++) {
      const first = validateConfig(randomRawConfig(rng));
      expect(configProblems(first.config)).toEqual([]);
      if (first.notes.length > 0) adjusted++;
      const second = validateConfig(first.config);
      expect(second.notes).toEqual([]);
      expect(second.config).toEqual(first.config);
    }
    // Random draws often break cross-field rules (classes vs dataset, labels vs pool): they must be exercised.
    expect(adjusted).toBeGreaterThan(100);
  });

  it('fits labels to the pool when a control lowers the pool', () => {
    const { config, notes } = validateConfig({ ...defaultConfig(), labels: 300, pool: 200 });
    expect(config.labels).toBe(200);
    expect(notes).toEqual(['labels=300 is more than the pool holds (200); using 200']);
  });

  it('fits classes when a control switches to a two-class dataset', () => {
    const { config, notes } = validateConfig({ ...defaultConfig(), data: 'circle', classes: 5, labels: 10 });
    expect(config.classes).toBe(2);
    expect(notes).toEqual(['classes=5 does not fit circle, which always has 2 classes; using 2']);
  });

  it('runs the CNN only on images: on 2-D data it says so and uses the MLP', () => {
    const { config, notes } = validateConfig({ ...defaultConfig(), data: 'spiral', model: 'cnn' });
    expect(config.model).toBe('mlp');
    expect(notes).toEqual(['model=cnn needs image data (mnist or fashion), not spiral; using mlp']);
    const images = validateConfig({ ...defaultConfig(), data: 'mnist', classes: 10, model: 'cnn', filters: '16,32', shift: '2' });
    expect(images.config).toMatchObject({ model: 'cnn', filters: [16, 32], shift: 2 });
    expect(images.notes).toEqual([]);
  });

  it('takes typed values from controls and rejects wrong types with a note', () => {
    const { config, notes } = validateConfig({ hidden: [32, 8.4], soft: 1, lr: 0.1 + 0.2, tau: '0.5', seed: null, act: 3 });
    expect(config).toMatchObject({ hidden: [32, 8], soft: true, lr: 0.3, tau: 0.5, seed: 42, act: 'tanh' });
    expect(notes).toEqual([
      'hidden=32,8.4 is not a list of 1-4 whole numbers from 1 to 128; using 32,8',
      'act=3 is not one of relu, tanh, sigmoid; using tanh',
      'seed=null is not a number; using 42',
    ]);
  });

  it('clamps students to 1-16 with a note', () => {
    expect(validateConfig({ students: '8' })).toMatchObject({ config: { students: 8 }, notes: [] });
    expect(validateConfig({ students: 40 }).config.students).toBe(16);
    expect(validateConfig({ students: 0 }).config.students).toBe(1);
    expect(validateConfig({ students: 40 }).notes).toHaveLength(1);
  });

  it('clamps agree to the committee under critic=committee, with a note, and leaves it alone without a critic', () => {
    expect(validateConfig({ critic: 'committee', students: '4', agree: '3' })).toMatchObject({ config: { critic: 'committee', agree: 3 }, notes: [] });
    expect(validateConfig({ critic: 'committee', students: 4, agree: 6 })).toMatchObject({
      config: { students: 4, agree: 4 },
      notes: ["agree=6 is more than the committee's 4 students; using 4"],
    });
    expect(validateConfig({ critic: 'committee', agree: 2 })).toMatchObject({ config: { students: 1, agree: 1 }, notes: [expect.stringContaining('agree=2')] });
    expect(validateConfig({ critic: 'none', agree: 5 })).toMatchObject({ config: { critic: 'none', agree: 5 }, notes: [] });
    expect(validateConfig({ critic: 'committee', students: 16, agree: 40 }).config.agree).toBe(16);
    expect(validateConfig({ critic: 'jury' })).toMatchObject({ config: { critic: 'none' }, notes: ['critic=jury is not one of none, committee; using none'] });
  });

  it('takes an audit of 0-500 examples, and a gate only with an audit, saying why not', () => {
    expect(validateConfig({ audit: '20', gate: '1' })).toMatchObject({ config: { audit: 20, gate: true }, notes: [] });
    expect(validateConfig({ audit: 900 })).toMatchObject({ config: { audit: 500 }, notes: [expect.stringContaining('above the maximum 500')] });
    expect(validateConfig({ gate: '1' })).toMatchObject({
      config: { audit: 0, gate: false },
      notes: ['gate=1 compares the challenger with the champion on the audit, and audit=0 has none; using gate=0 (set audit to 20 or more to gate)'],
    });
    expect(validateConfig({ data: 'mnist', labels: 100, audit: 500, pool: 59_900 })).toMatchObject({
      config: { pool: 59_400 },
      notes: ["pool=59900 and labels=100 and audit=500 do not fit in mnist's 60000 training images; using pool=59400"],
    });
  });

  it('reads the labeler by name, and names the choices when it is unknown', () => {
    expect(validateConfig({ labeler: 'ONNX' })).toMatchObject({ config: { labeler: 'onnx' }, notes: [] });
    expect(validateConfig({ labeler: 'gpu' })).toMatchObject({ config: { labeler: 'engine' }, notes: ['labeler=gpu is not one of engine, onnx; using engine'] });
  });

  it('reads only own properties', () => {
    const inherited = Object.create({ labels: 400 }) as Record<string, unknown>;
    const hostile = JSON.parse('{"__proto__": {"labels": 300}, "constructor": 1}') as Record<string, unknown>;
    expect(validateConfig(inherited).config).toEqual(defaultConfig());
    expect(validateConfig(hostile).config).toEqual(defaultConfig());
    expect(validateConfig(null as unknown as Record<string, unknown>).config).toEqual(defaultConfig());
  });

  it('never returns -0', () => {
    expect(Object.is(validateConfig({ l2: -0, noise: '-0' }).config.l2, 0)).toBe(true);
    expect(Object.is(validateConfig({ l2: -0, noise: '-0' }).config.noise, 0)).toBe(true);
  });
});

describe('showValue', () => {
  it('quotes short values as written and shortens long or unprintable ones', () => {
    expect(showValue('spiral')).toBe('spiral');
    expect(showValue([16, 16])).toBe('16,16');
    expect(showValue('a'.repeat(100))).toBe(`${'a'.repeat(24)}…`);
    expect(showValue('x\u0000\u202e\ud800y')).toBe('x???y');
  });
});
