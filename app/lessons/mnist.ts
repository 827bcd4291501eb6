import { presetLink } from './presetLink.ts';
import type { Lesson } from './types.ts';

const MNIST = 'MNIST, 100 labels';
/** The MNIST preset made small enough for a lesson: a 1,000-image pool, of which the surest 20 per digit are labelled each generation. */
const SMALL = { pool: 1000, test: 1000, k: 20 } as const;

/** Lesson 6: self-training on handwritten digits, and the class's own digits on the drawing pad. */
export const mnist: Lesson = {
  name: 'mnist',
  title: 'Real images: MNIST and the drawing pad',
  summary: 'Handwritten digits, ten labelled per class: the same loop on real images, then the class draws digits for the network to read.',
  steps: [
    {
      title: 'A hundred labelled digits',
      lookAt: 'The image view: the labelled digits, then the pool the network labels itself. A small convolutional network (CNN) learns from 10 labelled images per digit, each shifted by up to 2 pixels at random while it trains. The images download first (about 2.4 MB).',
      link: presetLink(MNIST, { ...SMALL, gens: 1 }),
      question: 'From 100 labelled digits, how many test digits will generation 0 read right?',
      choices: [{ text: 'About 1 in 10: no better than guessing' }, { text: 'Between half and most: far better than guessing, far from perfect', right: true }, { text: 'Nearly all, like a phone reading a cheque' }],
      why: 'Ten examples of each digit show the usual shapes, but not the many ways people write a 4, a 7 or a 9; the digits that look like another are where it fails.',
      explanation: 'Generation 0 is the labelled-only model. The gap to the oracle (the same network with every label) is what the pool can fill in. The confusion matrix shows which digits it mixes up.',
      tryThis: 'Change Labelled examples to 300 and run generation 0 again: how much do three times the labels add?',
    },
    {
      title: 'Its own labels, and yours',
      lookAt: 'Two generations: each, the network labels its 20 surest pool images per digit and a new student learns from them. Compare each row\'s Pseudo-label accuracy (the teacher\'s labels) with the Test accuracy of the row above (the teacher). After the run, draw a digit on the drawing pad.',
      link: presetLink(MNIST, { ...SMALL, gens: 2 }),
      question: 'The pool images the teacher labels will be right…',
      choices: [{ text: 'more often than the teacher\'s test accuracy', right: true }, { text: 'about as often as its test accuracy' }, { text: 'less often: it has never seen them' }],
      why: 'It labels only its surest images of each digit, and where a network is sure it is right far more often than on the average test digit.',
      explanation: 'Sureness is what lets self-training work on real images: the surest pseudo-labels are mostly right, so a student gains from them. The wrong ones are real mistakes, often digits that even people misread; open the gallery to see them.',
      tryThis: 'Draw a digit on the pad, thick and centred, then thin and in a corner: which does the network read, and why might your drawings differ from the digits it learned?',
    },
  ],
  notes: {
    minutes: 20,
    discuss: [
      'Which digits does the confusion matrix mix up, and do people mix them up too?',
      'The drawing pad: what makes a drawing easy or hard for the network (size, position, thickness)?',
      'The same loop worked on two moons and on digits: what does it need from the data?',
    ],
    wrongPredictions: [
      'That 100 labels give nearly perfect digits: phones and post offices train on hundreds of thousands.',
      'That the images it labels itself are right only as often as its test accuracy: it picks only its surest ones, and those are nearly all right.',
    ],
  },
};
