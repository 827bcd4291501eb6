import { expect, test } from 'vitest';
import { formatCount, formatPercent } from '../../../app/format/percent.ts';

test('fractions become percentages with one decimal, missing values a dash', () => {
  expect(formatPercent(0.873)).toBe('87.3%');
  expect(formatPercent(1)).toBe('100.0%');
  expect(formatPercent(0)).toBe('0.0%');
  expect(formatPercent(0.12345)).toBe('12.3%');
  expect(formatPercent(null)).toBe('—');
  expect(formatPercent(Number.NaN)).toBe('—');
});

test('counts get thousands separators', () => {
  expect(formatCount(1000)).toBe('1,000');
  expect(formatCount(12)).toBe('12');
});
