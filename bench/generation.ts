// One self-training generation of a preset, timed: the bench's population row (issue 15). K
// students train side by side in the same ops, so a generation of K=8 should cost far less
// than eight of K=1. Shared by the bench page and Node.
import type { ExperimentConfig } from '../src/config/schema.ts';
import { decodeLink } from '../src/config/codec.ts';
import { PRESETS } from '../src/config/presets.ts';
import type { Backend } from '../src/engine/backend.ts';
import { runExperiment } from '../src/selftrain/runExperiment.ts';

/** The preset whose generation is timed: the page's first, two moons from 18 labels (2-8-8-2, 50 epochs). */
export const GENERATION_PRESET = PRESETS[0];

/** The preset's config with `students` students and generation 1 its last. */
export function generationConfig(students: number): ExperimentConfig {
  return { ...decodeLink(GENERATION_PRESET.link).config, gens: 1, students };
}

/**
 * Milliseconds of generation 1 of `config` on `backend`: from the oracle's line (trained
 * after generation 0) to generation 1's event, so the teacher's labelling pass, the
 * students' training and their evaluation, and nothing of generation 0 or the oracle.
 */
export async function timeGeneration(config: ExperimentConfig, backend: Backend): Promise<number> {
  let started: number | null = null;
  let ms: number | null = null;
  await runExperiment(config, backend, {
    onEvent(event) {
      if (event.type === 'reference') started = performance.now();
      if (event.type === 'generation' && event.result.generation === 1 && started !== null) ms = performance.now() - started;
    },
  });
  if (ms === null) throw new Error('The run stopped before generation 1 (it admitted no new pseudo-label).');
  return ms;
}
