/**
 * A run the engine stopped before its end (a DivergedError: no healthy student left). The CLI
 * follows the run's events, so what finished before the stop is printed as a finished run's is.
 */
import type { ExperimentConfig } from '../config/schema.ts';
import type { ExperimentEvent, ExperimentResult, GenerationResult } from '../selftrain/events.ts';
import { generationJson, resultTable } from './report.ts';

/** What a run's events have said so far. */
export interface RunSoFar {
  backend: ExperimentResult['backend'] | null;
  adapter: string | null;
  /** Test rows, known from the first finished generation's predictions. */
  testSize: number | null;
  oracle: number | null;
  generations: GenerationResult[];
}

/** A RunSoFar and the onEvent that fills it. */
export function followRun(): { so: RunSoFar; onEvent: (event: ExperimentEvent) => void } {
  const so: RunSoFar = { backend: null, adapter: null, testSize: null, oracle: null, generations: [] };
  const onEvent = (event: ExperimentEvent) => {
    if (event.type === 'start') [so.backend, so.adapter] = [event.backend.kind, event.backend.adapter];
    if (event.type === 'reference') so.oracle = event.testAccuracy;
    if (event.type === 'generation') {
      so.generations.push(event.result);
      so.testSize = event.testPredictions.length;
    }
  };
  return { so, onEvent };
}

/**
 * The --json object of a stopped run: a finished run's fields (baseline and oracle null where
 * they were never known) and `stopped`, the message.
 */
export function stoppedJson(link: string, config: ExperimentConfig, so: RunSoFar, message: string) {
  const known = (accuracy: number | null) => (accuracy === null ? null : { testAccuracy: accuracy });
  return {
    link,
    config,
    backend: so.backend,
    adapter: so.adapter,
    testSize: so.testSize,
    baseline: known(so.generations[0]?.testAccuracy ?? null),
    oracle: known(so.oracle),
    generations: so.generations.map(generationJson),
    stopped: message,
  };
}

/** The table of the generations that finished before the stop (empty when none did). */
export function stoppedTable(link: string, config: ExperimentConfig, so: RunSoFar): string {
  if (so.generations.length === 0 || so.backend === null) return '';
  return resultTable({
    link,
    config,
    backend: so.backend,
    adapter: so.adapter ?? '',
    testSize: so.testSize ?? 0,
    baseline: { testAccuracy: so.generations[0].testAccuracy },
    oracle: { testAccuracy: so.oracle ?? Number.NaN },
    generations: so.generations,
  });
}
