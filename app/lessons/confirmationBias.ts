import { presetLink } from './presetLink.ts';
import type { Lesson } from './types.ts';

/** Lesson 2: when self-training goes wrong, the student learns the teacher's mistakes. */
export const confirmationBias: Lesson = {
  name: 'confirmation-bias',
  title: 'When it goes wrong: confirmation bias',
  summary: 'The same moons with a careless recipe: the model learns its own mistakes and keeps them.',
  steps: [
    {
      title: 'A careless recipe',
      lookAt: 'Eight labels, no noise, a student that starts from the teacher, and each generation a third more of the pool, the surest first. Watch the Pseudo-label accuracy column: how many of the labels the model made itself are right.',
      link: presetLink('Confirmation bias on moons'),
      question: 'Generation after generation, the pseudo-label accuracy will…',
      choices: [{ text: 'rise, as the model gets better' }, { text: 'stay at 100%' }, { text: 'fall', right: true }],
      why: 'The surest points come first and are right; then it must label the harder points near its wrong boundary, and a student that starts from the teacher and sees no noise learns those mistakes as if they were true.',
      explanation: 'This is confirmation bias: the model grades its own homework. Its wrong labels become training data, the next teacher is surer of them, and by the last generation the test accuracy is hardly better than generation 0, although the model has labelled the whole pool.',
      tryThis: 'Change Selection from curriculum to balanced and run again: does taking the same number of points per class slow the fall?',
    },
    {
      title: 'The careful recipe on the same moons',
      lookAt: 'The two-moons recipe from lesson 1: 18 labels, a student trained with input noise and dropout, soft labels, the labelled points weighted 20 times a pseudo-label, and 30 points per class per generation.',
      link: presetLink('Two moons from 18 labels', { gens: 6 }),
      question: 'With this recipe, the pseudo-label accuracy will…',
      choices: [{ text: 'fall the same way' }, { text: 'stay high while the test accuracy rises', right: true }, { text: 'fall, but the test accuracy rises anyway' }],
      why: 'Few points per generation, noise in the student and heavy weight on the real labels keep the teacher\'s mistakes from taking over.',
      explanation: 'Self-training is not safe or unsafe by itself; the recipe decides. Compare the two runs\' tables: the same data, and the pseudo-labels stay right only where the student is kept from copying its teacher.',
      tryThis: 'In this recipe set Labelled weight to 1: how much do the real labels\' extra weight matter?',
    },
  ],
  notes: {
    minutes: 15,
    discuss: [
      'Where do the wrong pseudo-labels sit in the 2-D view, and why there?',
      'Which parts of the careless recipe let the mistakes in, and which parts of the careful one keep them out?',
      'Where else does a system learn from its own output (recommendations, search ranking, chatbots trained on the web)?',
    ],
    wrongPredictions: [
      'That more pseudo-labels is always better: the last generations label the whole pool, and it does not help.',
      'That a model that is 100% sure is right: its surest points are right at first, and the sureness stays when the points get harder.',
    ],
  },
};
