import { presetLink } from './presetLink.ts';
import type { Lesson } from './types.ts';

const BIAS = 'Confirmation bias on moons';

/** Lesson 5: checked examples held apart say how good the model really is. */
export const audit: Lesson = {
  name: 'audit',
  title: 'Keeping it honest: the audit against the truth',
  summary: 'A few examples a person checked, never trained on, say how good the model is, with an interval that says how sure that is.',
  steps: [
    {
      title: 'Twenty checked examples',
      lookAt: 'The confirmation-bias run with 20 audit examples held apart. The Audit estimate and Audit interval columns are what the 20 checked examples say; the Test accuracy is the truth, measured on 1,000 points a real project would not have.',
      link: presetLink(BIAS, { audit: 20 }),
      question: 'How close will the audit estimate be to the test accuracy?',
      choices: [{ text: 'The same, to the decimal' }, { text: 'Off by some points, but the truth inside its interval', right: true }, { text: 'Always 100%: the model saw those examples' }],
      why: 'Twenty examples are a small sample: one more right or wrong moves the estimate by 5 points. The interval is built to hold the true accuracy at least 95% of the time, so it is wide.',
      explanation: 'An audit never trains the model, so it can catch a loop that fools itself. Its price is certainty: 20 examples give an interval about 30 points wide. The chart draws the estimate as a dashed line with the interval as a band.',
      tryThis: 'Change Seed and run again: does the test accuracy stay inside the interval?',
    },
    {
      title: 'A hundred checked examples',
      lookAt: 'The same run with 100 audit examples. Also look at the chart\'s second dashed line, labels + audit: what those checked examples would have given if they had been trained on instead.',
      link: presetLink(BIAS, { audit: 100 }),
      question: 'With 100 checked examples instead of 20, the audit interval will be…',
      choices: [{ text: 'narrower', right: true }, { text: 'about as wide' }, { text: 'wider, because there is more to check' }],
      why: 'The uncertainty of a share shrinks with the square root of the sample: five times the examples, an interval a bit less than half as wide.',
      explanation: 'Checking costs labels that could have trained the model, and the labels + audit line shows how much they would have helped here. A real project trades the two: enough checked examples to trust the number, no more.',
      tryThis: 'Turn Gate on: a new generation may replace its teacher only if the audit scores it at least as high. Watch the Gate column.',
    },
  ],
  notes: {
    minutes: 15,
    discuss: [
      'Why must audit examples never be trained on?',
      'The test set is the truth here; what does a real project have instead?',
      'Would you rather have 20 more labels to train on, or 20 to check with? When?',
    ],
    wrongPredictions: [
      'That the estimate equals the accuracy: it is a sample, and the interval says how far off it may be.',
      'That more audit examples make the model better: they make the number more trustworthy, not the model.',
    ],
  },
};
