import { describe, expect, it, test } from 'vitest';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { defaultConfig } from '../../src/config/params.ts';
import { PRESETS } from '../../src/config/presets.ts';
import { DATASET_NAMES as DATASETS } from '../../src/data/datasets.ts';

describe('PRESETS', () => {
  it('has a gain preset for every dataset, images included, and at least one bias preset', () => {
    const gains = PRESETS.filter((preset) => preset.kind === 'gain').map((preset) => preset.dataset);
    expect([...new Set(gains)].sort()).toEqual([...DATASETS].sort());
    expect(PRESETS.some((preset) => preset.kind === 'bias')).toBe(true);
    expect(new Set(PRESETS.map((preset) => preset.name)).size).toBe(PRESETS.length);
  });

  it.each(PRESETS.map((preset) => [preset.name, preset] as const))('%s is a complete, canonical, valid link', (_, preset) => {
    const { config, notes } = decodeLink(preset.link);
    expect(notes).toEqual([]);
    expect(config.data).toBe(preset.dataset);
    expect(encodeLink(config)).toBe(preset.link);
    expect(preset.description.length).toBeGreaterThan(20);
  });

  it('sets the bias preset up for confirmation bias', () => {
    for (const preset of PRESETS.filter((candidate) => candidate.kind === 'bias')) {
      const { config } = decodeLink(preset.link);
      expect(config).toMatchObject({ student: 'warm', select: 'threshold', noise: 0, dropout: 0, inoise: 0 });
      expect(config.tau).toBeGreaterThanOrEqual(0.95);
      expect(config.labels).toBeLessThanOrEqual(8);
    }
  });
});

test('a bare link opens the first preset, so pressing Run on the home page shows self-training help', () => {
  expect(encodeLink(defaultConfig())).toBe(PRESETS[0].link.replace(/^#/, ''));
  expect(PRESETS[0].kind).toBe('gain');
});
