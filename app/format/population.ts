import type { GenerationResult } from '../../src/selftrain/events.ts';
import { formatPercent } from './percent.ts';

/** A generation's population as the Generations table shows it; null for one student. */
export interface StudentCells {
  /** Each student's test accuracy ("dropped" where its loss diverged), in student order; `chosen` marks the next teacher. */
  each: { text: string; chosen: boolean }[];
  /** "80.0–86.5%": the worst and best healthy student's test accuracy. */
  spread: string;
  /** "#3 · 98.1% agree": the chosen student (counted from 0) and its agreement with the others. */
  chosen: string;
}

export function studentCells(result: GenerationResult): StudentCells | null {
  const population = result.students;
  if (!population) return null;
  const accuracies = population.testAccuracy;
  const healthy = accuracies.filter((accuracy) => accuracy !== null);
  const [low, high] = [Math.min(...healthy), Math.max(...healthy)];
  return {
    each: accuracies.map((accuracy, k) => ({ text: accuracy === null ? 'dropped' : formatPercent(accuracy), chosen: k === population.best })),
    spread: `${formatPercent(low).replace('%', '')}–${formatPercent(high)}`,
    chosen: `#${population.best} · ${formatPercent(population.agreement[population.best])} agree`,
  };
}
