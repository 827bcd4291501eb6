import { expect, test } from 'vitest';
import { accuracySeries, PIN_SERIES } from '../../../app/charts/accuracyData.ts';
import { MAX_PINS, parsePins, pinDifferences, pinLabel, type PinnedRun } from '../../../app/pins/pins.ts';
import { createLabStore } from '../../../app/store/labStore.ts';
import { encodeLink } from '../../../src/config/codec.ts';
import { defaultConfig } from '../../../src/config/params.ts';

const config = defaultConfig();
const pinOf = (changes: Partial<typeof config>, testAccuracy: (number | null)[] = [0.8, 0.85]): PinnedRun => ({
  link: encodeLink({ ...config, ...changes }),
  testAccuracy,
  oracle: 0.95,
});

test('a pin is labelled by the settings in which it differs from the experiment on screen', () => {
  expect(pinDifferences(pinOf({ lr: 0.01, seed: 3 }), config)).toEqual(['lr=0.01', 'seed=3']);
  expect(pinLabel(pinOf({ lr: 0.01 }), config)).toBe('lr=0.01');
  expect(pinLabel(pinOf({}), config)).toBe('same settings');
  expect(pinLabel(pinOf({ lr: 0.01, seed: 3, labels: 30, gens: 4 }), config)).toBe('labels=30, lr=0.01, gens=4, +1 more');
  // Seen from the other side: the pin's own values are named.
  expect(pinLabel(pinOf({}), { ...config, lr: 0.3 })).toBe(`lr=${config.lr}`);
});

test('stored pins are read back, and anything damaged or foreign is left out, never thrown', () => {
  const good = pinOf({ lr: 0.01 });
  expect(parsePins(JSON.stringify([good]))).toEqual([good]);
  expect(parsePins(null)).toEqual([]);
  expect(parsePins('{not json')).toEqual([]);
  expect(parsePins('{"a":1}')).toEqual([]);
  const bad = [{ ...good, link: 'v=1&lr=banana' }, { ...good, testAccuracy: [2] }, { ...good, oracle: 'x' }, 7, null, good];
  expect(parsePins(JSON.stringify(bad))).toEqual([good]);
  expect(parsePins(JSON.stringify(Array(5).fill(good)))).toHaveLength(MAX_PINS);
});

test('the chart draws each pin as a ghost line of its test accuracy, and widens its axis to the longest', () => {
  const series = accuracySeries({ results: [], baseline: null, oracle: null, totalGenerations: 1, pins: [pinOf({ lr: 0.01 }, [0.5, 0.6, 0.7])] });
  expect(series[0]).toEqual([0, 1, 2]);
  expect(series[PIN_SERIES]).toEqual([50, 60, 70]);
  expect(series.slice(PIN_SERIES + 1)).toEqual([[null, null, null], [null, null, null]]);
  expect(series).toHaveLength(PIN_SERIES + MAX_PINS);
});

test('only a finished run is pinned, up to three; a fourth gets a note and changes nothing; unpin removes one', () => {
  const store = createLabStore(config);
  store.getState().pinRun();
  expect(store.getState().pins).toEqual([]);
  const generation = (g: number, testAccuracy: number) => ({ generation: g, testAccuracy, pseudoLabelAccuracy: null, coverage: 0, pseudoLabels: 0, perClass: [], perClassRight: [], meanConfidence: 0, seconds: 0 });
  const finish = () => store.setState({ run: { ...store.getState().run, status: 'done', results: [generation(0, 0.75), generation(1, 0.8)], oracle: 0.9 } });
  finish();
  for (let i = 0; i < MAX_PINS; i++) store.getState().pinRun();
  expect(store.getState().pins).toHaveLength(MAX_PINS);
  expect(store.getState().pins[0]).toEqual({ link: encodeLink(config), testAccuracy: [0.75, 0.8], oracle: 0.9 });
  store.getState().pinRun();
  expect(store.getState().pins).toHaveLength(MAX_PINS);
  expect(store.getState().pinNote).toBe('Up to 3 runs can be pinned: unpin one to pin this run.');
  store.getState().unpin(0);
  expect(store.getState().pins).toHaveLength(MAX_PINS - 1);
  expect(store.getState().pinNote).toBeNull();
});
