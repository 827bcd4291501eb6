import { expect, test } from 'vitest';
import { hiddenCount, hiddenText } from '../../../app/controls/hiddenControls.ts';
import { defaultConfig } from '../../../src/config/params.ts';

test('counts the controls a hide= link takes off the page, only those that would show for this config', () => {
  const config = defaultConfig();
  expect(hiddenCount(config, [])).toBe(0);
  // Training: opt, lr, l2, batch, epochs, pretrain (the warm-up's epochs and noise are not on the page without a warm-up).
  expect(hiddenCount(config, ['training'])).toBe(6);
  expect(hiddenCount(config, ['training', 'lr'])).toBe(6);
  expect(hiddenCount({ ...config, pretrain: 'denoise' }, ['training'])).toBe(8);
  expect(hiddenCount({ ...config, pretrain: 'rotate' }, ['training'])).toBe(7);
  expect(hiddenCount(config, ['lr', 'seed', 'presets'])).toBe(3);
  // tau belongs to threshold selection; under balanced it is not on the page anyway.
  expect(hiddenCount(config, ['tau'])).toBe(0);
  expect(hiddenCount({ ...config, select: 'threshold' }, ['tau'])).toBe(1);
});

test('says how many are hidden, in words', () => {
  expect(hiddenText(1)).toBe('1 setting is hidden by this link.');
  expect(hiddenText(3)).toBe('3 settings are hidden by this link.');
});
