import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { Backend } from '../../src/engine/backend.ts';
import { NO_TEACHING, trainPopulation } from '../../src/selftrain/generation.ts';
import { openSession, SALT } from '../../src/selftrain/session.ts';
import { createSeededNetworks } from '../../src/selftrain/training.ts';

/**
 * Generation 0 of `config` with its students made as trainStudent makes them; `poison` students
 * start from NaN weights (a student that really diverges: its loss is NaN from the first step).
 * Disposes `backend` when done.
 */
export async function generation0(config: ExperimentConfig, poison: number[], backend: Backend) {
  const session = openSession(config, backend, {});
  try {
    const rng = session.root.fork(SALT.generation);
    const students = createSeededNetworks(session, rng, config.students);
    const parameters = await students.getParameters();
    for (const k of poison) parameters[k].fill(Number.NaN);
    students.setParameters(parameters);
    const { event } = await trainPopulation(session, 0, students, rng, NO_TEACHING);
    const poolLabels = (await students.classify(session.poolRows)).map((verdict) => verdict.labels);
    const committee = session.committee;
    students.dispose();
    return { result: event.result, poolLabels, committee };
  } finally {
    session.dispose();
    backend.dispose();
  }
}
