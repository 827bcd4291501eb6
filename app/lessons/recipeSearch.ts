import { presetLink } from './presetLink.ts';
import type { Lesson } from './types.ts';

const RECIPE = 'The recipe tunes itself';

/** Lesson 4: students try changed recipes and a bandit backs the ones that gain. */
export const recipeSearch: Lesson = {
  name: 'recipe-search',
  title: 'The recipe that tunes itself',
  summary: 'A recipe that hurts, then the same recipe with students that each try one knob changed and a search that backs the changes that work.',
  steps: [
    {
      title: 'A recipe that hurts',
      lookAt: 'Six students a generation, 100 checked examples (the audit) to judge them, and a bad recipe: soft labels at temperature 5 are nearly flat (every point looks half one moon, half the other), and the real labels weigh no more than a pseudo-label. Recipe search is off.',
      link: presetLink(RECIPE, { search: 'off' }),
      question: 'Over the six generations, the test accuracy will…',
      choices: [{ text: 'climb steadily to the oracle' }, { text: 'go up and down, and end no higher than it started', right: true }, { text: 'never move from generation 0' }],
      why: 'The early pseudo-labels are the surest and can help for a generation or two; as they pile up, nearly flat labels that outweigh the 18 real ones teach the students to be unsure everywhere, and they unlearn the moons.',
      explanation: 'A recipe is every setting of the loop: how labels are softened, how much the real labels count, the noise, the dropout. Here two bad settings together undo what the pseudo-labels add. Choosing the best of six students does not rescue it: they all share the recipe.',
      tryThis: 'Change Temperature to 0.5 and run: is the temperature alone the problem?',
    },
    {
      title: 'Let the students change the recipe',
      lookAt: 'The same start with Recipe search set to bandit: each student changes one knob (learning rate, hard labels, noise, dropout, k), and the changes that score best on the audit get more students next generation. Watch the Chosen recipe column and the recipe panel under the table.',
      link: presetLink(RECIPE),
      question: 'With the search, the last generation will end…',
      choices: [{ text: 'about where the run without it ended' }, { text: 'clearly higher', right: true }, { text: 'lower: changing the recipe mid-run only adds noise' }],
      why: 'Changes such as hard labels undo the flat labels; students that try them score higher on the audit, the bandit gives those changes more students, and their pupils teach the next generation.',
      explanation: 'This is the loop improving itself: it keeps what works, judged by examples a person checked, not by its own opinion. On moons the search ends about 10 points above the run without it.',
      tryThis: 'Change Recipe search to pbt (copy the best students\' recipes and jitter them) and compare the chosen recipes.',
    },
  ],
  notes: {
    minutes: 20,
    discuss: [
      'Why must the search be judged on checked examples rather than on the model\'s agreement with itself?',
      'Which knob did the search settle on, and why would it fix this recipe?',
      'Exploration and exploitation: why does the bandit keep giving a few students to recipes that score lower?',
    ],
    wrongPredictions: [
      'That the best of six students must be good: all six share the bad recipe.',
      'That changing the recipe during a run cannot help: each generation starts from the best student so far, so a good change carries on.',
    ],
  },
};
