import type { Network } from '../model/types.ts';
import type { ExperimentEvent, GenerationResult, DecisionGrid, TeacherLabeler } from './events.ts';
import { pseudoLabelMetrics } from './metrics.ts';
import { selectPseudoLabels, teacherVerdict, type Selection } from './selection.ts';
import { SALT, type RunSession } from './session.ts';
import { buildTrainingSet, sharpen } from './targets.ts';
import { createSeededNetwork, testAccuracy, trainEpochs } from './training.ts';

export type GenerationEvent = Extract<ExperimentEvent, { type: 'generation' }>;

/** What the teacher hands its student: the admitted pseudo-labels and, for soft labels, their targets. */
export interface Teaching {
  selection: Selection;
  /** pool × classes sharpened teacher probabilities, or null for hard labels. */
  softTargets: Float32Array | null;
}

/** Generation 0 has no teacher: it learns from the labelled set alone. */
export const NO_TEACHING: Teaching = {
  selection: { indices: new Int32Array(0), labels: new Int32Array(0), confidence: new Float32Array(0) },
  softTargets: null,
};

/**
 * The frozen teacher labels the whole pool; the configured strategy picks what the student may
 * learn. Hard labels read back only class and confidence per pool row (Network.classify); soft
 * labels need the probabilities themselves. With a `labeler`, the teacher's parameters leave
 * the engine and the labeler's probabilities take the place of the engine's.
 */
export async function teach(session: RunSession, teacher: Network, generation: number, labeler?: TeacherLabeler): Promise<Teaching> {
  const { config } = session;
  const classes = session.spec.classes;
  if (labeler) {
    const model = { generation: generation - 1, spec: session.spec, parameters: await teacher.getParameters() };
    const { pool } = session.split;
    const probabilities = await labeler(model, pool);
    if (probabilities.length !== pool.n * classes) {
      throw new Error(`The labeler returned ${probabilities.length} probabilities for ${pool.n} pool rows × ${classes} classes.`);
    }
    const selection = selectPseudoLabels(teacherVerdict(probabilities, classes), classes, config, generation);
    return { selection, softTargets: config.soft ? sharpen(probabilities, classes, config.temperature) : null };
  }
  if (!config.soft) {
    const verdict = await teacher.classify(session.poolRows);
    return { selection: selectPseudoLabels(verdict, classes, config, generation), softTargets: null };
  }
  const probabilities = await teacher.predict(session.poolRows);
  const selection = selectPseudoLabels(teacherVerdict(probabilities, classes), classes, config, generation);
  return { selection, softTargets: sharpen(probabilities, classes, config.temperature) };
}

/**
 * Trains generation `generation`'s student on the labelled set plus `teaching`, fresh or
 * warm-started from `teacher`, and measures it. The caller owns the returned network.
 */
export async function trainStudent(
  session: RunSession,
  generation: number,
  teacher: Network | null,
  teaching: Teaching,
): Promise<{ student: Network; event: GenerationEvent }> {
  const started = performance.now();
  const heldBefore = session.heldSeconds();
  const rng = session.root.fork(SALT.generation + generation);
  const student = createSeededNetwork(session, rng);
  try {
    if (teacher && session.config.student === 'warm') student.setParameters(await teacher.getParameters());
    const set = buildTrainingSet(session.layout, session.config.lweight, teaching.selection, teaching.softTargets);
    await trainEpochs(session, student, set, rng, generation);
    const result: GenerationResult = {
      generation,
      testAccuracy: await testAccuracy(session, student),
      ...pseudoLabelMetrics(teaching.selection, session.split.pool.y, session.spec.classes),
      seconds: 0,
    };
    const grid = await decisionGrid(session, student);
    result.seconds = (performance.now() - started) / 1000 - (session.heldSeconds() - heldBefore);
    return { student, event: { type: 'generation', result, pseudo: teaching.selection, grid } };
  } catch (error) {
    student.dispose();
    throw error;
  }
}

async function decisionGrid(session: RunSession, network: Network): Promise<DecisionGrid | null> {
  if (!session.grid) return null;
  const { size, extent, rows } = session.grid;
  return { size, extent, classes: session.spec.classes, probabilities: await network.predict(rows) };
}
