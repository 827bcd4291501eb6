import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, MAX_LINK_LENGTH } from '../../src/config/codec.ts';
import { DEFAULT_VIEW } from '../../src/config/view.ts';
import { defaultConfig, PARAM_KEYS } from '../../src/config/params.ts';
import { validateConfig } from '../../src/config/validate.ts';
import { createRng, type Rng } from '../../src/data/rng.ts';
import { configProblems, randomRawConfig } from './configFixtures.ts';

const DEFAULT_LINK = encodeLink(defaultConfig());

describe('encodeLink', () => {
  it('writes every key in table order, readable', () => {
    expect(DEFAULT_LINK.split('&').map((pair) => pair.split('=')[0])).toEqual(PARAM_KEYS.filter((key) => key !== 'points'));
    expect(DEFAULT_LINK).toContain('v=1&data=moons&labels=18&');
    expect(DEFAULT_LINK).toContain('&hidden=8,8&filters=8,16&act=tanh&');
    expect(DEFAULT_LINK).toContain('&soft=1&');
  });

  it('drops float32 noise and writes booleans as 0|1', () => {
    const config = { ...defaultConfig(), lr: Math.fround(0.03), tau: Math.fround(0.7), soft: true };
    expect(config.lr).not.toBe(0.03);
    const link = encodeLink(config);
    expect(link).toContain('&lr=0.03&');
    expect(link).toContain('&tau=0.7&');
    expect(link).toContain('&soft=1&');
  });
});

describe('decodeLink round trip', () => {
  it('decodes what it encodes, for 500 random valid configs, with no notes', () => {
    const rng = createRng(7);
    for (let i = 0; i < 500; i++) {
      const { config } = validateConfig(randomRawConfig(rng));
      const link = encodeLink(config);
      const decoded = decodeLink(link);
      expect(decoded.notes).toEqual([]);
      expect(decoded.config).toEqual(config);
      expect(encodeLink(decoded.config)).toBe(link);
    }
  });

  it('reads full URLs, hashes, queries and bare pairs alike', () => {
    const link = 'data=spiral&classes=3&labels=16&hidden=8,8';
    const expected = decodeLink(link);
    expect(expected.config.data).toBe('spiral');
    for (const form of [`#${link}`, `?${link}`, `https://example.org/lab/#${link}`, `http://localhost:5173/?x=1#${link}`, `https://example.org/?${link}`]) {
      expect(decodeLink(form)).toEqual(expected);
    }
  });

  it("reads DESIGN.md's example link silently", () => {
    const decoded = decodeLink('#v=1&data=spiral&labels=16&noise=10&model=mlp&hidden=16,16&lr=0.03&select=threshold&tau=0.9&gens=8&seed=42');
    expect(decoded.notes).toEqual([]);
    expect(decoded.config).toMatchObject({ data: 'spiral', labels: 16, select: 'threshold', tau: 0.9, gens: 8 });
  });

  it('fills missing keys with defaults silently', () => {
    expect(decodeLink('')).toEqual({ config: defaultConfig(), notes: [], view: DEFAULT_VIEW });
    expect(decodeLink('https://example.org/lab/')).toEqual({ config: defaultConfig(), notes: [], view: DEFAULT_VIEW });
    const short = decodeLink('#data=xor&seed=7');
    expect(short.notes).toEqual([]);
    expect(short.config).toEqual({ ...defaultConfig(), data: 'xor', seed: 7 });
  });

  it('accepts enum names in any case and %-escaped values', () => {
    const decoded = decodeLink('data=Spiral&act=RELU&hidden=16%2C8');
    expect(decoded.notes).toEqual([]);
    expect(decoded.config).toMatchObject({ data: 'spiral', act: 'relu', hidden: [16, 8] });
  });
});

describe('decodeLink notes', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['labels=9999', { labels: 500 }, /labels=9999 is above the maximum 500; using 500/],
    ['labels=400&pool=100', { labels: 100, pool: 100 }, /labels=400 is more than the pool holds \(100\); using 100/],
    ['data=moons&classes=4', { classes: 2 }, /classes=4 does not fit moons, which always has 2 classes; using 2/],
    ['data=spiral&classes=6', { classes: 5 }, /takes 2-5 classes; using 5/],
    ['data=gauss&classes=6&labels=3', { labels: 6 }, /labels=3 is fewer than one per class \(6 classes\); using 6/],
    ['lr=0', { lr: 1e-5 }, /lr=0 is below the minimum 0.00001/],
    ['lr=1e308', { lr: 100 }, /above the maximum 100/],
    ['seed=2147483648', { seed: 2147483647 }, /seed=2147483648 is above the maximum 2147483647/],
    ['seed=-1', { seed: 0 }, /below the minimum 0/],
    ['noise=12.5', { noise: 13 }, /noise=12.5 is not a whole number; using 13/],
    ['tau=NaN', { tau: 0.9 }, /tau=NaN is not a number; using 0.9/],
    ['tau=Infinity', { tau: 0.9 }, /not a number/],
    ['epochs=', { epochs: 50 }, /epochs= is not a number; using 50/],
    ['data=cifar', { data: 'moons' }, /data=cifar is not one of circle, xor, gauss, spiral, moons, custom, mnist, fashion; using moons/],
    ['soft=2', { soft: true }, /soft=2 is not 0 or 1; using 1/],
    ['hidden=16,abc', { hidden: [16] }, /hidden=16,abc is not a list/],
    ['hidden=1,2,3,4,5', { hidden: [1, 2, 3, 4] }, /using 1,2,3,4/],
    ['hidden=0,500', { hidden: [1, 128] }, /using 1,128/],
    ['hidden=', { hidden: [8, 8] }, /using 8,8/],
    ['v=2', { v: 1 }, /link version 2 is not one this page knows/],
    ['labels=4&labels=6', { labels: 6 }, /labels appears 2 times; using the last, 6/],
    ['foo=1&__proto__=x', {}, /ignored unknown settings "foo", "__proto__"/],
    ['tau', { tau: 0.9 }, /tau has no value/],
  ];
  it.each(cases)('%s', (link, expected, note) => {
    const decoded = decodeLink(link);
    expect(decoded.config).toMatchObject(expected);
    expect(decoded.notes.join('\n')).toMatch(note);
    expect(configProblems(decoded.config)).toEqual([]);
  });

  it('keeps silent about canonical rounding and equivalent spellings', () => {
    expect(decodeLink('lr=0.030000001&soft=true&hidden= 16 , 16&seed=42.0').notes).toEqual([]);
  });

  it('reads only the start of an overlong link, and says so', () => {
    const decoded = decodeLink(`data=xor&${'x'.repeat(MAX_LINK_LENGTH)}&data=spiral`);
    expect(decoded.config.data).toBe('xor');
    expect(decoded.notes[0]).toMatch(/longer than 4096 characters/);
  });

  it('caps the notes and quotes values short and without control characters', () => {
    const many = 'labels=x&noise=x&classes=x&pool=x&test=x&dropout=x&inoise=x&lr=x&l2=x&batch=x&epochs=x&tau=x&percent=x&k=x';
    const { notes } = decodeLink(many);
    expect(notes).toHaveLength(12);
    expect(notes[11]).toMatch(/and 3 more changes/);
    const [note] = decodeLink(`data=${'\u202e'}${'a'.repeat(500)}`).notes;
    expect(note).not.toContain('\u202e');
    expect(note.length).toBeLessThan(200);
  });
});

/** A hostile or broken link made of pieces that have broken parsers before. */
function hostileLink(rng: Rng): string {
  const atoms = [
    '', '=', '&', '#', '?', '%', '%zz', '%E0%A4%A', '%00', '__proto__', 'constructor', 'prototype', 'NaN', 'Infinity',
    '-Infinity', '1e308', '-1e308', '1e-320', '-0', '0x10', '1_000', '9'.repeat(400), '💥', '\u202e', '\u0000', '\ud800',
    'ü', ',', ',,', '16,16', '1,2,3,4,5,6', ' ', '+', 'true', 'null', '[]', '{}', '<script>', 'https://', '://', '.5', '5.',
    '1e', 'e5', '--1', '0.030000001',
  ];
  const keys = [...PARAM_KEYS, ...atoms];
  const pick = (list: readonly string[]) => list[rng.int(list.length)];
  const randomChars = () => String.fromCharCode(...Array.from({ length: rng.int(12) }, () => rng.int(0x10000)));
  const value = () => [pick(atoms), String((rng.next() - 0.5) * 10 ** rng.int(12)), randomChars()][rng.int(3)];
  const pieces = Array.from({ length: rng.int(40) }, () => `${rng.next() < 0.1 ? randomChars() : pick(keys)}${rng.next() < 0.9 ? '=' : ''}${value()}`);
  const prefix = pick(['', '#', '?', 'https://example.org/lab/#', 'https://example.org/?', '##', 'javascript:']);
  return prefix + pieces.join(pick(['&', '&', '&&', ';', '&amp;']));
}

describe('decodeLink never throws', () => {
  it('returns a valid config for 1,500 hostile links, deterministically', () => {
    const rng = createRng(2024);
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).join();
    for (let i = 0; i < 1500; i++) {
      const link = hostileLink(rng);
      const decoded = decodeLink(link);
      expect(configProblems(decoded.config), link).toEqual([]);
      expect(decoded.notes.length).toBeLessThanOrEqual(12);
      expect(validateConfig(decoded.config).notes, link).toEqual([]);
      expect(decodeLink(link)).toEqual(decoded);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(prototypeBefore);
  });

  it('survives huge inputs quickly', () => {
    const inputs = ['&'.repeat(1e6), '='.repeat(1e6), `labels=${'9'.repeat(1e6)}`, '%'.repeat(1e6), `#${'a=b&'.repeat(2e5)}`];
    const started = performance.now();
    for (const input of inputs) expect(configProblems(decodeLink(input).config)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('tolerates a non-string from untyped callers', () => {
    for (const input of [undefined, null, 42, {}, []]) {
      expect(decodeLink(input as unknown as string).config).toEqual(defaultConfig());
    }
  });
});
