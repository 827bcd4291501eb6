import { expect, test } from 'vitest';
import { defaultConfig, PARAMS } from '../../../src/config/params.ts';
import { acceptsText, formatParamValue, PARAM_GROUPS, withParam } from '../../../app/controls/paramGroups.ts';
import { CUSTOM, presetConfig, presetValue } from '../../../app/controls/presetChoice.ts';
import { PRESETS } from '../../../src/config/presets.ts';

const param = (key: string) => PARAMS.find((p) => p.key === key)!;

test('every setting but the link version and the imported points has a control, in one of the five groups', () => {
  const controlled = PARAM_GROUPS.flatMap((group) => group.params.map((p) => p.key));
  expect(PARAM_GROUPS.map((group) => group.title)).toEqual(['Data', 'Model', 'Training', 'Self-training', 'Run']);
  expect(new Set(controlled)).toEqual(new Set(PARAMS.filter((p) => p.key !== 'v' && p.key !== 'points').map((p) => p.key)));
});

test('typed text is accepted only when it is a value the setting can take', () => {
  expect(acceptsText(param('labels'), '16')).toBe(true);
  expect(acceptsText(param('labels'), '1')).toBe(false);
  expect(acceptsText(param('labels'), '16.5')).toBe(false);
  expect(acceptsText(param('lr'), '0.05')).toBe(true);
  expect(acceptsText(param('lr'), '0')).toBe(false);
  expect(acceptsText(param('lr'), '')).toBe(false);
  expect(acceptsText(param('hidden'), '32,16')).toBe(true);
  expect(acceptsText(param('hidden'), '32,')).toBe(false);
  expect(acceptsText(param('hidden'), '1,2,3,4,5')).toBe(false);
});

test('a changed setting goes through validation and is shown canonically', () => {
  const config = defaultConfig();
  expect(withParam(config, 'labels', '100000').labels).toBe(500);
  expect(withParam(config, 'hidden', '8,8,8').hidden).toEqual([8, 8, 8]);
  expect(formatParamValue(param('hidden'), { ...config, hidden: [4, 2] })).toBe('4,2');
  expect(formatParamValue(param('lr'), { ...config, lr: 0.030000001 })).toBe('0.03');
});

test('the preset menu recognises a preset and reads its config back', () => {
  const first = presetConfig('0');
  expect(first).not.toBeNull();
  expect(presetValue(first!)).toBe('0');
  expect(presetValue({ ...first!, seed: first!.seed + 1 })).toBe(CUSTOM);
  expect(presetConfig(CUSTOM)).toBeNull();
  expect(presetConfig(String(PRESETS.length))).toBeNull();
});
