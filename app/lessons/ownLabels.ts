import { presetLink } from './presetLink.ts';
import type { Lesson } from './types.ts';

const MOONS = 'Two moons from 18 labels';

/** Lesson 1: a model that labels its own data and learns from it (two moons). */
export const ownLabels: Lesson = {
  name: 'own-labels',
  title: 'Learning from its own labels',
  summary: 'Two moons, 18 labelled points and 500 unlabelled ones: the model labels the pool itself and learns from its surest guesses.',
  steps: [
    {
      title: 'What 18 labels alone give',
      lookAt: 'The 2-D view: the few large points are the labelled ones, the small grey ones the pool the model never gets labels for. The shading is what the model predicts everywhere.',
      link: presetLink(MOONS, { gens: 1 }),
      question: 'Trained on the 18 labels alone (generation 0), how much of the test set will it get right?',
      choices: [{ text: 'About half: no better than guessing' }, { text: 'Most of it, but not all', right: true }, { text: 'All of it' }],
      why: 'Nine points per moon show roughly where each moon is, so most test points land on the right side, but the boundary is a guess where there are no labels, near the tips of the moons.',
      explanation: 'Generation 0 in the Generations table is the labelled-only model. Compare it with the dashed oracle line on the chart: the oracle is the same network trained with every label, the best this model could do.',
      tryThis: 'Change Labelled examples to 6 and run again: the fewer the labels, the further generation 0 falls below the oracle.',
    },
    {
      title: 'Ten generations of its own labels',
      lookAt: 'The accuracy chart and the Pseudo-label accuracy column: each generation the teacher labels 30 more of its surest pool points per class and a new student learns from them.',
      link: presetLink(MOONS),
      question: 'As the student learns from labels it made itself, the test accuracy will…',
      choices: [{ text: 'rise towards the oracle', right: true }, { text: 'stay where generation 0 left it' }, { text: 'fall, because some of its own labels are wrong' }],
      why: 'Its surest guesses are nearly all right (the pseudo-label accuracy stays high), and they fill in the pool, so each student sees where the moons really bend.',
      explanation: 'The unlabelled points carry the shape of the data. Labelled by the teacher and learned by a student trained with noise, they move the boundary into the gap between the moons, and the test accuracy climbs most of the way to the oracle.',
      tryThis: 'Change Generations to 3: how much of the gain comes in the first few generations?',
    },
    {
      title: 'Take away the noise',
      lookAt: 'Input noise (in the training settings) is now 0: the student sees the pseudo-labelled points exactly as the teacher did.',
      link: presetLink(MOONS, { inoise: 0 }),
      question: 'Without the noise, the gain over generation 0 will be…',
      choices: [{ text: 'bigger' }, { text: 'about the same' }, { text: 'smaller, or gone', right: true }],
      why: 'A student shown the exact points its teacher labelled, with no noise, learns to copy the teacher, mistakes and all; the noise is what makes it generalise beyond them.',
      explanation: 'Without the noise the gain vanishes, and the last generation can even end below generation 0. Self-training needs the student to be more than a copy: noise (or dropout, or data augmentation on images) forces it to give the same answer near each pseudo-labelled point, which spreads the labels along the moons.',
      tryThis: 'Set Input noise to 0.4 and run: is half the noise enough?',
    },
  ],
  notes: {
    minutes: 15,
    discuss: [
      'Where do the unlabelled points help: which part of the boundary moves between generation 0 and the last?',
      'Why does the teacher label only its surest points each generation rather than the whole pool at once?',
      'What is the oracle line, and why can a real project never draw it?',
    ],
    wrongPredictions: [
      'That 18 labels give about chance: two moons are easy to tell apart roughly, hard to tell apart exactly.',
      'That learning from its own labels cannot add anything new. The labels are its own, but where the pool points lie is new information.',
    ],
  },
};
