import { expect, test } from 'vitest';
import { chanceNote, type ChanceInputs } from '../../../app/format/chanceNote.ts';

const run = (accuracy: number | null, classes: number, lr: number, oracle: number | null = null): ChanceInputs => ({
  accuracy,
  oracle,
  classes,
  lr,
  hidden: '8,8',
  preset: 'Spiral from 30 labels',
});

test('speaks up when generation 0 is no better than guessing, and only then', () => {
  expect(chanceNote(run(0.1, 10, 0.03))).toBe(
    'Generation 0 is at chance level (10.0% right, guessing among 10 classes gives 10.0%): it learned nothing from its labels. ' +
      "A smaller learning rate than 0.03 often fixes that; the oracle's line, when it comes, shows whether this model can fit the data at all.",
  );
  expect(chanceNote(run(0.129, 10, 0.03))).toMatch(/^Generation 0 is at chance level \(12\.9% right/);
  expect(chanceNote(run(0.131, 10, 0.03))).toBeNull();
  expect(chanceNote(run(0.52, 2, 0.5))).toMatch(/guessing among 2 classes gives 50\.0%/);
  expect(chanceNote(run(0.54, 2, 0.5))).toBeNull();
  expect(chanceNote(run(0.674, 10, 0.003))).toBeNull();
});

test('reads the oracle: near chance too, the model cannot fit the data (the preset, wider layers); above it, too few labels', () => {
  // The spiral on the two-moons recipe: 42.5% at generation 0, an oracle of 51%.
  expect(chanceNote(run(0.425, 2, 0.03, 0.51))).toBe(
    'Generation 0 is at chance level (42.5% right, guessing among 2 classes gives 50.0%), and so is the oracle trained on every label (51.0%): ' +
      'this model, as set, cannot fit this data. Try the preset tuned for it, “Spiral from 30 labels”, or wider layers than 8,8, or a smaller learning rate than 0.03.',
  );
  expect(chanceNote(run(0.425, 2, 0.03, 0.97))).toBe(
    'Generation 0 is at chance level (42.5% right, guessing among 2 classes gives 50.0%), though the oracle trained on every label reaches 97.0%: ' +
      'the model can fit this data, but not from these labels alone. Try more labels, or a smaller learning rate than 0.03.',
  );
  // The oracle's margin is chance's: 53.0% still counts as near chance for two classes, 53.1% not.
  expect(chanceNote(run(0.5, 2, 0.03, 0.53))).toMatch(/and so is the oracle/);
  expect(chanceNote(run(0.5, 2, 0.03, 0.531))).toMatch(/though the oracle/);
  expect(chanceNote(run(0.5, 2, 0.03, Number.NaN))).toMatch(/when it comes/);
});

test('says nothing before generation 0 has finished, or on numbers that are not accuracies', () => {
  expect(chanceNote(run(null, 10, 0.03, 0.1))).toBeNull();
  expect(chanceNote(run(Number.NaN, 10, 0.03))).toBeNull();
  expect(chanceNote(run(0.1, 1, 0.03))).toBeNull();
});
