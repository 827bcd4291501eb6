import { expect, test } from 'vitest';
import { studentCells } from '../../../app/format/population.ts';
import { generationResult } from '../store/fixtures.ts';

test("a generation's students as the table shows them: the spread, the chosen one, each one's accuracy", () => {
  const result = { ...generationResult(1, 0.85), students: { testAccuracy: [0.8, 0.85, 0.825], judge: 'agreement' as const, agreement: [0.9, 0.981, 0.95], best: 1 } };
  expect(studentCells(result)).toEqual({
    each: [
      { text: '80.0%', chosen: false },
      { text: '85.0%', chosen: true },
      { text: '82.5%', chosen: false },
    ],
    spread: '80.0–85.0%',
    chosen: '#1 · 98.1% agree',
  });
  expect(studentCells(generationResult(1, 0.85))).toBeNull();
});

test('a dropped student (null accuracy) shows as dropped and is left out of the spread', () => {
  const result = { ...generationResult(1, 0.85), students: { testAccuracy: [0.8, null, 0.85], judge: 'agreement' as const, agreement: [0.9, 0.5, 0.95], best: 2 } };
  expect(studentCells(result)).toMatchObject({ each: [{ text: '80.0%' }, { text: 'dropped' }, { text: '85.0%', chosen: true }], spread: '80.0–85.0%' });
});
