import { expect, test } from 'vitest';
import { presetConfig, presetValue, sameRecipe, CUSTOM } from '../../../app/controls/presetChoice.ts';
import { PRESETS } from '../../../src/config/presets.ts';

test("a preset on another seed, backend or labeler is still its recipe; any other change is not", () => {
  const spiral = presetConfig(String(PRESETS.findIndex((preset) => preset.name === 'Spiral from 30 labels')))!;
  expect(sameRecipe({ ...spiral, seed: 1234, backend: 'cpu', labeler: 'onnx' }, spiral)).toBe(true);
  expect(presetValue({ ...spiral, seed: 1234 })).toBe(CUSTOM);
  expect(sameRecipe({ ...spiral, lr: spiral.lr / 3 }, spiral)).toBe(false);
  expect(sameRecipe({ ...spiral, hidden: [8, 8] }, spiral)).toBe(false);
  const moons = presetConfig('0')!;
  expect(sameRecipe({ ...moons, data: 'spiral' }, spiral)).toBe(false);
});
