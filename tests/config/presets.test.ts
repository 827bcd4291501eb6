import { describe, expect, it, test } from 'vitest';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { defaultConfig } from '../../src/config/params.ts';
import { PRESETS } from '../../src/config/presets.ts';
import { DATASET_NAMES as DATASETS } from '../../src/data/datasets.ts';

describe('PRESETS', () => {
  it('has a gain preset for every dataset but the class\'s own points, images included, and at least one bias preset', () => {
    const gains = PRESETS.filter((preset) => preset.kind === 'gain').map((preset) => preset.dataset);
    expect([...new Set(gains)].sort()).toEqual(DATASETS.filter((name) => name !== 'custom').sort());
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

  it('sets the bias presets up for confirmation bias: few labels, a warm student, no noise but where a committee needs it', () => {
    for (const preset of PRESETS.filter((candidate) => candidate.kind === 'bias')) {
      const { config } = decodeLink(preset.link);
      expect(config).toMatchObject({ data: 'moons', student: 'warm', select: 'curriculum', noise: 0, soft: false, lweight: 1 });
      expect(config.labels).toBeLessThanOrEqual(8);
      // A lone student trains without noise; a critic's committee draws its own dropout and input noise, or its members are copies.
      if (config.critic === 'none') expect(config).toMatchObject({ students: 1, dropout: 0, inoise: 0 });
      else expect(config.agree).toBe(config.students);
    }
  });
});

test('a bare link opens the first preset, so pressing Run on the home page shows self-training help', () => {
  expect(encodeLink(defaultConfig())).toBe(PRESETS[0].link.replace(/^#/, ''));
  expect(PRESETS[0].kind).toBe('gain');
});
