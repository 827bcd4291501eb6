import { defaultConfig } from '../../src/config/params.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { ExperimentEvent, ExperimentResult, RunOptions } from '../../src/selftrain/events.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';

/** A small, quick experiment (well under a second on the CPU backend), labelled by the engine unless overridden. */
export function smallConfig(overrides: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return {
    ...defaultConfig(), data: 'moons', labels: 8, pool: 200, test: 200, hidden: [8], epochs: 8, gens: 3, seed: 7, backend: 'cpu', labeler: 'engine',
    ...overrides,
  };
}

/** Runs on a fresh CPU backend, collecting every event. */
export async function runCollecting(config: ExperimentConfig, options: RunOptions = {}): Promise<{ result: ExperimentResult; events: ExperimentEvent[] }> {
  const events: ExperimentEvent[] = [];
  const backend = createCpuBackend();
  try {
    const result = await runExperiment(config, backend, { ...options, onEvent: (event) => events.push(event) });
    return { result, events };
  } finally {
    backend.dispose();
  }
}

/** The result with wall-clock times zeroed: everything else must be reproducible. */
export function withoutTimes(result: ExperimentResult): ExperimentResult {
  return { ...result, generations: result.generations.map((g) => ({ ...g, seconds: 0 })) };
}
