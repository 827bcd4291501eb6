import { expect, test } from 'vitest';
import { criticCells } from '../../../app/format/critic.ts';
import { generationResult } from '../store/fixtures.ts';

test("a generation's critic as the table shows it: vetoed, precision with its count, recall; dashes for null", () => {
  const result = { ...generationResult(1, 0.85), critic: { vetoed: 12, vetoedWrong: 9, precision: 0.75, recall: 0.4 } };
  expect(criticCells(result)).toEqual({ vetoed: '12', precision: '75.0% (9)', recall: '40.0%' });
  const none = { ...generationResult(2, 0.85), critic: { vetoed: 0, vetoedWrong: 0, precision: null, recall: null } };
  expect(criticCells(none)).toEqual({ vetoed: '0', precision: '—', recall: '—' });
  expect(criticCells(generationResult(0, 0.8))).toBeNull();
});
