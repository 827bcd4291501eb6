import type { GenerationResult } from '../../src/selftrain/events.ts';
import { formatCount, formatPercent } from './percent.ts';

/** A generation's critic as the Generations table shows it; null where it did not vote (generation 0). */
export interface CriticCells {
  /** "12": pseudo-labels it vetoed. */
  vetoed: string;
  /** "75.0% (9)": the share of its vetoes that were wrong labels, and how many; a dash when it vetoed nothing. */
  precision: string;
  /** "40.0%": the share of the teacher's wrong labels it caught; a dash when the teacher made none. */
  recall: string;
}

export function criticCells(result: GenerationResult): CriticCells | null {
  const critic = result.critic;
  if (!critic) return null;
  return {
    vetoed: formatCount(critic.vetoed),
    precision: critic.precision === null ? '—' : `${formatPercent(critic.precision)} (${formatCount(critic.vetoedWrong)})`,
    recall: critic.recall === null ? '—' : formatPercent(critic.recall),
  };
}
