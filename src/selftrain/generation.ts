import { memberNetwork } from '../model/network.ts';
import type { DeviceRows, Network, NetworkBatch } from '../model/types.ts';
import type { ExperimentEvent, GenerationResult, DecisionGrid, PoolLabeler, TeacherLabeler } from './events.ts';
import { labelAccuracy, pseudoLabelMetrics } from './metrics.ts';
import { selectPseudoLabels, teacherVerdict, type Selection } from './selection.ts';
import { judgeByAgreement, type PopulationResult } from './population.ts';
import { auditRight, judgeByAudit, type AuditResult } from './audit.ts';
import { committeeVeto, criticMetrics, type CriticResult } from './critic.ts';
import { SALT, type RunSession } from './session.ts';
import { buildTrainingSet, sharpen } from './targets.ts';
import { recipeRule, type Recipe } from './recipe.ts';
import { createSeededNetworks, trainEpochs } from './training.ts';
import { classifyPool, classifyPoolByAll, classifyTestByAll, predictPool } from './labelling.ts';
import { divergenceFix, type DroppedStudent } from './divergence.ts';
import { DivergedError } from './errors.ts';
import type { Rng } from '../data/rng.ts';
import { startFromWarmup } from './warmup.ts';

export type GenerationEvent = Extract<ExperimentEvent, { type: 'generation' }>;

/** What the teacher hands its student: the admitted pseudo-labels and, for soft labels, their targets. */
export interface Teaching {
  selection: Selection;
  /** pool × classes sharpened teacher probabilities, or null for hard labels. */
  softTargets: Float32Array | null;
  /** Under a critic with a committee: the candidates it vetoed (not in `selection`), and how right it was. */
  critic?: { vetoed: Selection; result: CriticResult };
  /**
   * Under a recipe search: the teacher's pool × classes probabilities and the selection step they
   * were admitted at, from which each recipe's own teaching is made (recipeTeaching).
   */
  teacher?: { probabilities: Float32Array; step: number };
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
  return criticize(session, await teachAlone(session, teacher, generation, labeler));
}

/**
 * The critic's veto (src/selftrain/critic.ts) over the teaching's admitted candidates, when the
 * config has one and the last generation left a committee.
 */
function criticize(session: RunSession, teaching: Teaching): Teaching {
  const { committee, config } = session;
  if (config.critic !== 'committee' || !committee) return teaching;
  const { admitted, vetoed } = committeeVeto(teaching.selection, committee, config.agree);
  const result = criticMetrics(teaching.selection, vetoed, session.split.pool.y);
  return { ...teaching, selection: admitted, critic: { vetoed, result } };
}

async function teachAlone(session: RunSession, teacher: Network, generation: number, labeler?: TeacherLabeler): Promise<Teaching> {
  const { config } = session;
  const classes = session.spec.classes;
  if (labeler) {
    // The labeler reads the whole pool in one call: its progress is unknown (total 0), but the page still names the phase.
    session.emit({ type: 'progress', phase: 'labelling', done: 0, total: 0 });
    const model = { generation: generation - 1, spec: session.spec, parameters: await teacher.getParameters() };
    return teachingFrom(session, await labeler(model, session.split.pool), generation);
  }
  if (config.search !== 'off') return teachingFrom(session, await predictPool(session, teacher), generation);
  if (!config.soft) {
    const verdict = await classifyPool(session, teacher);
    return { selection: selectPseudoLabels(verdict, classes, config, generation), softTargets: null };
  }
  const probabilities = await predictPool(session, teacher);
  const selection = selectPseudoLabels(teacherVerdict(probabilities, classes), classes, config, generation);
  return { selection, softTargets: sharpen(probabilities, classes, config.temperature) };
}

/**
 * Generation 0 taught by a model from outside the run (RunOptions.firstTeacher, a visitor's ONNX
 * file, say): its pool probabilities are admitted as a first teacher's would be (the selection
 * rule's step 1: the top k, or the first curriculum share).
 */
export async function teachFromOutside(session: RunSession, label: PoolLabeler): Promise<Teaching> {
  return teachingFrom(session, await label(session.split.pool), 1);
}

/** The teaching pool × classes `probabilities` give under the configured selection at `step`. */
function teachingFrom(session: RunSession, probabilities: Float32Array, step: number): Teaching {
  const { config } = session;
  const { classes } = session.spec;
  const rows = session.split.pool.n;
  if (probabilities.length !== rows * classes) {
    throw new Error(`The labeler returned ${probabilities.length} probabilities for ${rows} pool rows × ${classes} classes.`);
  }
  const selection = selectPseudoLabels(teacherVerdict(probabilities, classes), classes, config, step);
  const softTargets = config.soft ? sharpen(probabilities, classes, config.temperature) : null;
  return config.search === 'off' ? { selection, softTargets } : { selection, softTargets, teacher: { probabilities, step } };
}

/**
 * What `recipe` learns from the teacher of `teaching`: its own selection (the recipe's tau or k)
 * and label kind, then the critic's veto. Generation 0's teaching (no teacher) is every recipe's.
 */
export function recipeTeaching(session: RunSession, teaching: Teaching, recipe: Recipe): Teaching {
  if (!teaching.teacher) return teaching;
  const { config, spec } = session;
  const { probabilities, step } = teaching.teacher;
  const selection = selectPseudoLabels(teacherVerdict(probabilities, spec.classes), spec.classes, recipeRule(config, recipe), step);
  return criticize(session, { selection, softTargets: recipe.soft ? sharpen(probabilities, spec.classes, config.temperature) : null });
}

/**
 * Trains generation `generation`'s `config.students` students side by side on the labelled set
 * plus `teaching`, fresh or warm-started from `teacher`, measures each, and judges which teaches
 * next (judgeByAudit with an audit, else judgeByAgreement; one student needs no judge, but the
 * audit still scores it). The returned `student` is the chosen one;
 * the caller owns it (disposing it frees the whole population).
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
  const students = createSeededNetworks(session, rng, session.config.students);
  try {
    if (teacher && session.config.student === 'warm') {
      const parameters = await teacher.getParameters();
      students.setParameters(Array.from({ length: students.models }, () => parameters));
    } else if (!teacher) {
      await startFromWarmup(session, students);
    }
    const trained = await trainPopulation(session, generation, students, rng, teaching);
    trained.event.result.seconds = (performance.now() - started) / 1000 - (session.heldSeconds() - heldBefore);
    return trained;
  } catch (error) {
    students.dispose();
    throw error;
  }
}

/**
 * trainStudent's work once its `students` are made and started (fresh or warm), drawing the
 * epochs' shuffles and noise seeds from `rng` where the seeds left it. A student whose loss
 * diverges is dropped (GenerationResult.dropped): it is not judged, does not vote, and cannot
 * teach; when none is left, a DivergedError stops the run. `seconds` is left to the caller.
 */
export async function trainPopulation(
  session: RunSession,
  generation: number,
  students: NetworkBatch,
  rng: Rng,
  teaching: Teaching,
): Promise<{ student: Network; event: GenerationEvent }> {
  const set = buildTrainingSet(session.layout, session.config.lweight, teaching.selection, teaching.softTargets);
  const dropped = await trainEpochs(session, students, set, rng, generation);
  const { population, audit, testPredictions, poolLabels, eligible } = await judgeStudents(session, students, generation, dropped);
  const best = population?.best ?? 0;
  const result: GenerationResult = {
    generation,
    testAccuracy: labelAccuracy(testPredictions[best], session.split.test.y),
    ...pseudoLabelMetrics(teaching.selection, session.split.pool.y, session.spec.classes),
    seconds: 0,
  };
  if (population) result.students = population;
  if (audit) result.audit = audit;
  if (teaching.critic) result.critic = teaching.critic.result;
  if (dropped.length > 0) result.dropped = dropped;
  if (session.config.critic === 'committee') {
    const classes = poolLabels ?? (await students.classify(session.poolRows)).map((verdict) => verdict.labels);
    session.committee = classes.filter((_, k) => eligible[k]);
  }
  const student = memberNetwork(students, best);
  const grid = await decisionGrid(session, student);
  const pseudo = teaching.critic ? { ...teaching.selection, vetoed: teaching.critic.vetoed } : teaching.selection;
  return { student, event: { type: 'generation', result, pseudo, grid, testPredictions: testPredictions[best] } };
}

/**
 * Every student's test predictions, with an audit its result (every student's audit accuracy
 * and the chosen one's interval), and, with more than one student, the population's result:
 * each healthy one's test accuracy, the agreement judge's scores over the pool (no labels
 * needed), and the one the audit (when there is one) or else the agreement chose.
 */
async function judgeStudents(
  session: RunSession,
  students: NetworkBatch,
  generation: number,
  dropped: DroppedStudent[],
): Promise<{ population: PopulationResult | null; audit: AuditResult | null; testPredictions: Int32Array[]; poolLabels: Int32Array[] | null; eligible: boolean[] }> {
  const verdicts = await classifyTestByAll(session, students);
  const eligible = healthyStudents(session, generation, verdicts, dropped);
  const testPredictions = verdicts.map((verdict) => verdict.labels);
  const classesOf = async (rows: DeviceRows) => (await students.classify(rows)).map((verdict) => verdict.labels);
  const auditPredictions = session.audit ? await classesOf(session.audit.rows) : null;
  if (students.models === 1) return { population: null, audit: auditResult(session, auditPredictions, eligible)?.audit ?? null, testPredictions, poolLabels: null, eligible };
  const poolLabels = await classifyPoolByAll(session, students);
  return { ...judgePopulation(session, testPredictions, poolLabels, auditPredictions, eligible), testPredictions, poolLabels, eligible };
}

/**
 * Which students may be judged: those not `dropped` in training. A student whose loss stayed
 * finite while its weights did not (its last step's update) shows it in its test confidences:
 * it is dropped here, at the last epoch. Throws a DivergedError when none is left.
 */
export function healthyStudents(session: RunSession, generation: number, verdicts: readonly { confidence: Float32Array }[], dropped: DroppedStudent[]): boolean[] {
  verdicts.forEach((verdict, student) => {
    if (!dropped.some((d) => d.student === student) && !verdict.confidence.every(Number.isFinite)) {
      dropped.push({ student, epoch: session.config.epochs, reason: 'the predictions became non-finite' });
    }
  });
  const eligible = verdicts.map((_, student) => !dropped.some((d) => d.student === student));
  if (!eligible.includes(true)) {
    throw new DivergedError(generation, verdicts.length, session.config.epochs, 'the predictions became non-finite', divergenceFix(session.config));
  }
  return eligible;
}

/**
 * The population's result and audit from every student's classes over the test set, the pool and
 * (with an audit) the audit rows, in student order: the audit judges when there is one, else
 * agreement, each among the `eligible` students only; a dropped student's test accuracy is null.
 */
export function judgePopulation(
  session: RunSession,
  testPredictions: readonly Int32Array[],
  poolLabels: readonly Int32Array[],
  auditPredictions: readonly Int32Array[] | null,
  eligible: readonly boolean[],
): { population: PopulationResult; audit: AuditResult | null } {
  const audited = auditResult(session, auditPredictions, eligible);
  const { agreement, best } = judgeByAgreement(poolLabels, session.spec.classes, eligible);
  const testAccuracy = testPredictions.map((predicted, k) => (eligible[k] ? labelAccuracy(predicted, session.split.test.y) : null));
  const population: PopulationResult = audited
    ? { testAccuracy, judge: 'audit', agreement, best: audited.best }
    : { testAccuracy, judge: 'agreement', agreement, best };
  return { population, audit: audited?.audit ?? null };
}

/** Every student scored on the audit rows, and the best of the eligible ones; null without an audit. */
function auditResult(session: RunSession, predicted: readonly Int32Array[] | null, eligible: readonly boolean[]): { audit: AuditResult; best: number } | null {
  const { audit } = session.split;
  if (!audit || !predicted) return null;
  return judgeByAudit(auditRight(predicted, audit.y), audit.n, eligible);
}

export async function decisionGrid(session: RunSession, network: Network): Promise<DecisionGrid | null> {
  if (!session.grid) return null;
  const { size, extent, rows } = session.grid;
  return { size, extent, classes: session.spec.classes, probabilities: await network.predict(rows) };
}
