import { resultsSelector, runStatusSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import { goalGeneration, goalText } from './goal.ts';

/** Under the accuracy chart: the link's goal, and the generation that reached it (announced when it does). */
export function GoalNote({ goal }: { goal: number }) {
  const results = useLab(resultsSelector);
  const finished = useLab(runStatusSelector) === 'done';
  const reached = goalGeneration(results, goal);
  return (
    <p className={`chart__goal${reached !== null ? ' chart__goal--reached' : ''}`} aria-live="polite">
      {goalText(goal, reached, finished)}
    </p>
  );
}
