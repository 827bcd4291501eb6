/**
 * `--progress`: a line on stderr as each generation of a run finishes, so a long run (the image
 * presets take minutes) shows it is moving, and a script can time each generation's arrival.
 * stdout (the table or the JSON) is unchanged.
 */
import type { ExperimentEvent } from '../selftrain/events.ts';

/** "generation 2 of 8: test accuracy 91.3%": one generation's line, without its newline. */
export function progressLine(generation: number, generations: number, testAccuracy: number): string {
  return `generation ${generation} of ${generations}: test accuracy ${(testAccuracy * 100).toFixed(1)}%`;
}

/** An onEvent that writes a progress line per finished generation, then hands the event to `next`. */
export function withProgress(write: (line: string) => void, next: (event: ExperimentEvent) => void): (event: ExperimentEvent) => void {
  let generations = 0;
  return (event) => {
    if (event.type === 'start') generations = event.generations;
    if (event.type === 'generation') write(`${progressLine(event.result.generation, generations, event.result.testAccuracy)}\n`);
    next(event);
  };
}
