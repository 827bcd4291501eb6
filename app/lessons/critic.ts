import { presetLink } from './presetLink.ts';
import type { Lesson } from './types.ts';

const CRITIC = 'A critic against confirmation bias';

/** Lesson 3: a committee of students that may veto the teacher's labels. */
export const critic: Lesson = {
  name: 'critic',
  title: 'A critic that says no',
  summary: 'Eight students vote on every pseudo-label, and a label survives only where all eight agree with the teacher.',
  steps: [
    {
      title: 'Eight students must agree',
      lookAt: 'The careless recipe from lesson 2, with a population of eight students (each with its own dropout and input noise) and a critic: a pseudo-label is vetoed unless all eight agree with the teacher. Watch the Pseudo-label accuracy and Critic vetoed columns.',
      link: presetLink(CRITIC),
      question: 'With the critic vetoing labels, the pseudo-label accuracy will…',
      choices: [{ text: 'stay near 100%: the critic stops the mistakes' }, { text: 'still fall', right: true }, { text: 'fall faster than without a critic' }],
      why: 'The students learn from the same teacher\'s labels, so they learn its mistakes with it: where the teacher is wrong, they mostly agree with it, and there is nothing to veto.',
      explanation: 'A critic helps only if it can see what the teacher cannot. Eight students trained on the teacher\'s own labels share its blind spots, so the vetoes land on the wrong points about as often as on the right ones, and the last generation is hardly better than without a critic.',
      tryThis: 'Change Committee votes from 8 to 4 (a majority instead of all): more labels get through; does the pseudo-label accuracy change?',
    },
    {
      title: 'How good are the vetoes?',
      lookAt: 'The same experiment on another seed. In the Critic vetoed column, "right" is the share of vetoed labels that were really wrong, and "caught" the share of wrong labels the critic vetoed.',
      link: presetLink(CRITIC, { seed: 7 }),
      question: 'Of the wrong pseudo-labels, how many will the critic catch (veto)?',
      choices: [{ text: 'Nearly all of them' }, { text: 'Fewer than a quarter', right: true }, { text: 'None at all' }],
      why: 'The committee disagrees where the students are unsure, and that is not the same place as where the teacher is wrong: the students learned the teacher\'s mistakes, so they agree with most of them.',
      explanation: 'Precision (right: how many vetoes were mistakes) and recall (caught: how many mistakes were vetoed) are how any filter is judged, from spam filters to medical tests. This critic\'s vetoes are right only about half the time, and it lets most mistakes through, so it cannot turn a careless recipe into a careful one.',
      tryThis: 'Change Seed to another number: does the critic ever catch most of the mistakes?',
    },
  ],
  notes: {
    minutes: 15,
    discuss: [
      'Why does a committee trained on the same teacher\'s labels share the teacher\'s mistakes?',
      'What would a critic need in order to see what the teacher cannot (other data, other labels, a person)?',
      'Precision and recall: which matters more for a critic of pseudo-labels, and why?',
    ],
    wrongPredictions: [
      'That unanimous agreement means correct: eight copies of one mistake agree with each other.',
      'That a critic can only help: it also vetoes good labels, and a student that sees fewer labels can do worse.',
    ],
  },
};
