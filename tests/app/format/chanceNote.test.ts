import { expect, test } from 'vitest';
import { chanceNote } from '../../../app/format/chanceNote.ts';

test('speaks up when generation 0 is no better than guessing, and only then', () => {
  expect(chanceNote(0.1, 10, 0.03)).toBe(
    'Generation 0 is at chance level (10.0% right, guessing among 10 classes gives 10.0%): it learned nothing from its labels. ' +
      'A smaller learning rate than 0.03 often fixes that.',
  );
  expect(chanceNote(0.129, 10, 0.03)).toMatch(/^Generation 0 is at chance level \(12\.9% right/);
  expect(chanceNote(0.131, 10, 0.03)).toBeNull();
  expect(chanceNote(0.52, 2, 0.5)).toMatch(/guessing among 2 classes gives 50\.0%/);
  expect(chanceNote(0.54, 2, 0.5)).toBeNull();
  expect(chanceNote(0.674, 10, 0.003)).toBeNull();
});

test('says nothing before generation 0 has finished, or on numbers that are not accuracies', () => {
  expect(chanceNote(null, 10, 0.03)).toBeNull();
  expect(chanceNote(Number.NaN, 10, 0.03)).toBeNull();
  expect(chanceNote(0.1, 1, 0.03)).toBeNull();
});
