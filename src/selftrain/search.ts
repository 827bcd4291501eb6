/**
 * A generation under a recipe search (`search=bandit|pbt`, docs/search.md): the students are
 * given recipes (src/selftrain/bandit.ts or pbt.ts), grouped by recipe, and each group trains
 * as one NetworkBatch on its recipe's own training set and hyperparameters; the groups take
 * their epochs in turn, so one epoch event covers them all. Then all students are judged as one
 * population, and each arm is scored by its students.
 */
import { createNetworks, memberNetwork } from '../model/network.ts';
import { startFromWarmup } from './warmup.ts';
import type { DeviceRows, Network, NetworkBatch } from '../model/types.ts';
import { allotArms, armStats } from './bandit.ts';
import type { GenerationResult, RecipeResult } from './events.ts';
import { decisionGrid, healthyStudents, judgePopulation, recipeTeaching, type GenerationEvent, type Teaching } from './generation.ts';
import { labelAccuracy, pseudoLabelMetrics } from './metrics.ts';
import { exploit } from './pbt.ts';
import { sameRecipe, studentScores, type Recipe } from './recipe.ts';
import { SALT, type RunSession } from './session.ts';
import { buildTrainingSet } from './targets.ts';
import { studentSeeds, trainSideBySide, type TrainingGroup } from './training.ts';

/** Salt of a recipe group's epoch stream (shuffles and noise seeds), forked from its generation's RNG by arm. */
const GROUP_SALT = 8000;

/** The recipes of a generation's students: the arms, each student's arm, and whose weights each starts from. */
export interface RecipePlan {
  arms: Recipe[];
  student: number[];
  /** Per student, the student of the last generation whose weights it starts from (pbt; itself otherwise). */
  from: number[];
}

/**
 * Which recipe each student of `generation` trains with, given the finished `history`: the
 * bandit's allotment over session.arms, or pbt's recipes (round the arm table at generation 0,
 * then exploit and explore from the last generation's).
 */
export function planRecipes(session: RunSession, generation: number, history: readonly GenerationResult[]): RecipePlan {
  const { students, search } = session.config;
  const rng = session.root.fork(SALT.search + generation);
  const itself = Array.from({ length: students }, (_, k) => k);
  if (search === 'bandit') {
    return { arms: session.arms, student: allotArms(armStats(history, session.arms.length), students, rng), from: itself };
  }
  const last = history.at(-1);
  const { recipes, from } = last?.recipes
    ? exploit(studentScores(last), last.recipes.student.map((arm) => last.recipes!.arms[arm]), last.students?.best ?? 0, rng, (last.dropped ?? []).map((d) => d.student))
    : { recipes: itself.map((k) => session.arms[k % session.arms.length]), from: itself };
  const arms: Recipe[] = [];
  const student = recipes.map((recipe) => {
    const found = arms.findIndex((arm) => sameRecipe(arm, recipe));
    return found >= 0 ? found : arms.push(recipe) - 1;
  });
  return { arms, student, from };
}

/** The students of each arm that has any, arms in ascending order, students in ascending order. */
function groupByArm(student: readonly number[]): { arm: number; members: number[] }[] {
  const arms = [...new Set(student)].sort((a, b) => a - b);
  return arms.map((arm) => ({ arm, members: student.flatMap((a, k) => (a === arm ? [k] : [])) }));
}

/**
 * Trains generation `generation` under the config's search from `teacher` (null at generation
 * 0) and `teaching` (the teacher's, from which each recipe takes its own). As trainStudent, the
 * returned `student` is the chosen one, and disposing it frees its group; the others are freed here.
 */
export async function trainSearchGeneration(
  session: RunSession,
  generation: number,
  teacher: Network | null,
  teaching: Teaching,
  history: readonly GenerationResult[],
): Promise<{ student: Network; event: GenerationEvent }> {
  const started = performance.now();
  const heldBefore = session.heldSeconds();
  const { config } = session;
  const rng = session.root.fork(SALT.generation + generation);
  const seeds = studentSeeds(rng, config.students);
  const plan = planRecipes(session, generation, history);
  const groups = groupByArm(plan.student);
  const batches: NetworkBatch[] = [];
  let kept: NetworkBatch | null = null;
  let done = false;
  try {
    const teacherParameters = teacher && config.student === 'warm' ? await teacher.getParameters() : null;
    const teachings = new Map<number, Teaching>();
    const units: TrainingGroup[] = [];
    for (const { arm, members } of groups) {
      const recipe = plan.arms[arm];
      const batch = createNetworks(session.backend, { ...session.spec, dropout: recipe.dropout }, members.map((k) => seeds[k]));
      batches.push(batch);
      const start = startingParameters(session, members, plan.from, teacherParameters);
      if (start) batch.setParameters(start);
      else if (!teacher) await startFromWarmup(session, batch);
      const taught = recipeTeaching(session, teaching, recipe);
      teachings.set(arm, taught);
      const set = buildTrainingSet(session.layout, config.lweight, taught.selection, taught.softTargets);
      units.push({ network: batch, set, rng: rng.fork(GROUP_SALT + arm), hyper: { ...session.hyper, lr: recipe.lr, inputNoise: recipe.inoise } });
    }
    // trainSideBySide counts the groups' models one after another; a dropped student is named by its own number.
    const order = groups.flatMap(({ members }) => members);
    const dropped = (await trainSideBySide(session, units, generation)).map((d) => ({ ...d, student: order[d.student] }));

    const verdicts = await inStudentOrder(groups, batches, (batch) => batch.classify(session.testRows));
    const eligible = healthyStudents(session, generation, verdicts, dropped);
    const testPredictions = verdicts.map((verdict) => verdict.labels);
    const poolLabels = await inStudentOrder(groups, batches, classesOf(session.poolRows));
    const auditPredictions = session.audit ? await inStudentOrder(groups, batches, classesOf(session.audit.rows)) : null;
    const { population, audit } = judgePopulation(session, testPredictions, poolLabels, auditPredictions, eligible);
    const best = population.best;
    const chosen = plan.student[best];
    const taught = teachings.get(chosen)!;
    const result: GenerationResult = {
      generation,
      testAccuracy: labelAccuracy(testPredictions[best], session.split.test.y),
      ...pseudoLabelMetrics(taught.selection, session.split.pool.y, session.spec.classes),
      seconds: 0,
      students: population,
    };
    if (audit) result.audit = audit;
    if (taught.critic) result.critic = taught.critic.result;
    if (dropped.length > 0) result.dropped = dropped;
    result.recipes = recipeResult(plan, studentScores(result), chosen);
    if (config.critic === 'committee') session.committee = poolLabels.filter((_, k) => eligible[k]);
    if (config.search === 'pbt' && config.student === 'warm') session.lineage = await inStudentOrder(groups, batches, (batch) => batch.getParameters());

    const group = groups.findIndex(({ members }) => members.includes(best));
    kept = batches[group];
    const student = memberNetwork(kept, groups[group].members.indexOf(best));
    const grid = await decisionGrid(session, student);
    result.seconds = (performance.now() - started) / 1000 - (session.heldSeconds() - heldBefore);
    const pseudo = taught.critic ? { ...taught.selection, vetoed: taught.critic.vetoed } : taught.selection;
    done = true;
    return { student, event: { type: 'generation', result, pseudo, grid, testPredictions: testPredictions[best] } };
  } finally {
    for (const batch of batches) if (!(done && batch === kept)) batch.dispose();
  }
}

/**
 * What each group's students start from, or null for their seeds' weights: under pbt with a
 * lineage, each one's own last weights (or the best's, copied); else, warm, the teacher's.
 */
export function startingParameters(session: RunSession, members: readonly number[], from: readonly number[], teacherParameters: Float32Array | null): Float32Array[] | null {
  if (session.config.student !== 'warm') return null;
  const { lineage } = session;
  if (session.config.search === 'pbt' && lineage?.length === from.length) return members.map((k) => lineage[from[k]]);
  return teacherParameters ? members.map(() => teacherParameters) : null;
}

/** Each group's per-model reads, put back in student order. */
async function inStudentOrder<T>(groups: readonly { members: number[] }[], batches: readonly NetworkBatch[], read: (batch: NetworkBatch) => Promise<T[]>): Promise<T[]> {
  const out = new Array<T>(groups.reduce((sum, group) => sum + group.members.length, 0));
  for (const [g, group] of groups.entries()) {
    const values = await read(batches[g]);
    group.members.forEach((k, i) => (out[k] = values[i]));
  }
  return out;
}

/** Each model's predicted class per row of `rows`. */
const classesOf = (rows: DeviceRows) => async (batch: NetworkBatch) => (await batch.classify(rows)).map((verdict) => verdict.labels);

/** The generation's `recipes` field: each arm's mean student score (null where no student tried it). */
function recipeResult(plan: RecipePlan, scores: readonly number[], chosen: number): RecipeResult {
  const sums = plan.arms.map(() => ({ total: 0, count: 0 }));
  plan.student.forEach((arm, k) => {
    sums[arm].total += scores[k];
    sums[arm].count++;
  });
  return { arms: plan.arms, student: plan.student, scores: sums.map(({ total, count }) => (count > 0 ? total / count : null)), chosen };
}
