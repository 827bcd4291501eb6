import { decodePoints } from '../data/customPoints.ts';
import { unclassedNote } from '../data/customSplit.ts';
import type { ExperimentResult, GenerationResult } from '../selftrain/events.ts';
import type { SeedSummary } from './presetCheck.ts';
import { baseRecipe, recipeText, type Recipe } from '../selftrain/recipe.ts';

/**
 * The generation fields the JSON output carries, and only those; `students` only for a population
 * (docs/population.md), `critic` only under a critic from generation 1 on (docs/critic.md),
 * `audit` only with an audit and `gate` only under a gate from generation 1 on (docs/audit.md),
 * `recipes` only under a recipe search (docs/search.md), `dropped` only where a student's loss
 * diverged (docs/population.md), `warmup` only on generation 0 after a warm-up (docs/warmup.md).
 */
export function generationJson(g: GenerationResult) {
  return {
    generation: g.generation,
    testAccuracy: g.testAccuracy,
    pseudoLabelAccuracy: g.pseudoLabelAccuracy,
    coverage: g.coverage,
    pseudoLabels: g.pseudoLabels,
    seconds: g.seconds,
    ...(g.students ? { students: g.students } : {}),
    ...(g.critic ? { critic: g.critic } : {}),
    ...(g.audit ? { audit: g.audit } : {}),
    ...(g.gate ? { gate: g.gate } : {}),
    ...(g.recipes ? { recipes: g.recipes } : {}),
    ...(g.dropped ? { dropped: g.dropped } : {}),
    ...(g.warmup ? { warmup: g.warmup } : {}),
  };
}

/** The --json object of one run. */
export function resultJson(result: ExperimentResult) {
  return {
    link: result.link,
    config: result.config,
    backend: result.backend,
    adapter: result.adapter,
    testSize: result.testSize,
    baseline: result.baseline.withAudit
      ? { testAccuracy: result.baseline.testAccuracy, withAudit: { testAccuracy: result.baseline.withAudit.testAccuracy } }
      : { testAccuracy: result.baseline.testAccuracy },
    oracle: { testAccuracy: result.oracle.testAccuracy },
    ...(result.warmup ? { warmup: result.warmup } : {}),
    generations: result.generations.map(generationJson),
  };
}

// NaN: a number never known (a stopped run's oracle).
const percent = (fraction: number | null) => (fraction === null || Number.isNaN(fraction) ? '—' : `${(fraction * 100).toFixed(1)}%`);

/** A fixed-width text table, columns right-aligned after the first. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** A population's test accuracies as `min–max (#chosen)`, students counted from 0; dropped students are left out. */
export function studentSpread(g: GenerationResult): string {
  if (!g.students) return '';
  const accuracies = g.students.testAccuracy.filter((accuracy) => accuracy !== null);
  return `${percent(Math.min(...accuracies))}–${percent(Math.max(...accuracies))} (#${g.students.best})`;
}

/** What the critic did: `vetoed (precision right, recall caught)`, or a dash where it did not vote (generation 0). */
export function criticSummary(g: GenerationResult): string {
  if (!g.critic) return '—';
  const { vetoed, precision, recall } = g.critic;
  return `${vetoed} (${percent(precision)} right, ${percent(recall)} caught)`;
}

/** The audit's estimate and its interval, `75.0% [48.9%–92.7%]`, and `rejected` where the gate kept the champion. */
export function auditSummary(g: GenerationResult): string {
  if (!g.audit) return '—';
  const { estimate, low, high } = g.audit;
  return `${percent(estimate)} [${percent(low)}–${percent(high)}]${g.gate?.accepted === false ? ' rejected' : ''}`;
}

/** The recipe whose student teaches next, as what it changes from the link's (`lr 0.09 (93.0%)`); a dash without one. */
export function recipeSummary(g: GenerationResult, base: Recipe): string {
  if (!g.recipes) return '—';
  const { arms, scores, chosen } = g.recipes;
  return `${recipeText(arms[chosen], base)} (${percent(scores[chosen])})`;
}

/**
 * The per-generation table a person reads, with the two reference lines; a population adds its
 * students' spread, a search its chosen recipe, a critic what it vetoed, an audit its estimate
 * beside the test accuracy, and
 * a line after it names each dropped student.
 */
export function resultTable(result: ExperimentResult): string {
  const population = result.generations.some((g) => g.students);
  const critic = result.config.critic === 'committee';
  const audit = result.generations.some((g) => g.audit);
  const search = result.config.search !== 'off';
  const rows = result.generations.map((g) => [
    String(g.generation),
    percent(g.testAccuracy),
    ...(audit ? [auditSummary(g)] : []),
    ...(population ? [studentSpread(g)] : []),
    ...(search ? [recipeSummary(g, baseRecipe(result.config))] : []),
    percent(g.pseudoLabelAccuracy),
    ...(critic ? [criticSummary(g)] : []),
    percent(g.coverage),
    String(g.pseudoLabels),
    g.seconds.toFixed(2),
  ]);
  const blanks = new Array<string>(4 + (audit ? 1 : 0) + (population ? 1 : 0) + (search ? 1 : 0) + (critic ? 1 : 0)).fill('');
  rows.push(['baseline (labelled only)', percent(result.baseline.testAccuracy), ...blanks]);
  if (result.baseline.withAudit) rows.push(['baseline (labels + audit)', percent(result.baseline.withAudit.testAccuracy), ...blanks]);
  const gained = result.generations[0]?.warmup;
  if (gained) rows.push(['generation 0 without warm-up', percent(gained.withoutTestAccuracy), ...blanks]);
  rows.push(['oracle (all labels)', percent(result.oracle.testAccuracy), ...blanks]);
  const header = ['Generation', 'Test accuracy', ...(audit ? ['Audit estimate [interval]'] : []), ...(population ? ['Students min–max (chosen)'] : []), ...(search ? ['Chosen recipe (score)'] : []), 'Pseudo-label accuracy', ...(critic ? ['Critic vetoed (precision, recall)'] : []), 'Coverage', 'Pseudo-labels', 'Seconds'];
  const dropped = result.generations.flatMap((g) => (g.dropped ?? []).map((d) => `\ngeneration ${g.generation}: student #${d.student} dropped at epoch ${d.epoch}: ${d.reason}`));
  const unclassed = unclassedNote(decodePoints(result.config.points).points.filter((point) => point.label === undefined).length);
  const warmup = result.warmup ? `\n${warmupSummary(result)}` : '';
  return `${result.link}\n${result.adapter} · ${result.testSize} test points${unclassed ? ` · ${unclassed}` : ''}\n\n${table(header, rows)}${dropped.length > 0 ? `\n${dropped.join('')}` : ''}${warmup}`;
}

/** The warm-up in a line: its task, its loss from the first epoch to the last, what generation 0 gained, or why it stopped. */
export function warmupSummary(result: ExperimentResult): string {
  const { warmup } = result;
  if (!warmup) return '';
  const { loss, task } = warmup;
  const curve = loss.length > 0 ? `loss ${loss[0].toPrecision(3)} → ${loss[loss.length - 1].toPrecision(3)} over ${loss.length} epochs` : 'no epoch finished';
  const gained = result.generations[0]?.warmup;
  const gain = gained ? `; generation 0 gained ${signedPoints(gained.gain)} (${percent(gained.withoutTestAccuracy)} without it)` : '';
  return `warm-up (${task}): ${curve}${gain}${warmup.stopped ? `\n${warmup.stopped}` : ''}`;
}

/** A difference of fractions in percentage points, signed: `+5.4 points`. */
const signedPoints = (difference: number) => `${difference >= 0 ? '+' : '−'}${Math.abs(difference * 100).toFixed(1)} points`;

/** The mean over seeds, as a table (runs that stopped early carry their last values forward). */
export function summaryTable(link: string, summary: SeedSummary): string {
  const rows = summary.testAccuracy.map((accuracy, g) => [String(g), percent(accuracy), percent(g === 0 ? null : (summary.pseudoLabelAccuracy[g - 1] ?? null))]);
  rows.push(['baseline (labelled only)', percent(summary.baseline), '']);
  rows.push(['last generation', percent(summary.last), '']);
  rows.push(['oracle (all labels)', percent(summary.oracle), '']);
  const header = ['Generation', 'Test accuracy', 'Pseudo-label accuracy'];
  return `${link}\nmean over seeds ${summary.seeds.join(', ')}\n\n${table(header, rows)}`;
}
