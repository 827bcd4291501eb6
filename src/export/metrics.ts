import { encodeLink } from '../config/codec.ts';
import type { ExperimentConfig } from '../config/schema.ts';
import type { BackendInfo } from '../engine/backend.ts';
import type { GenerationResult, WarmupResult } from '../selftrain/events.ts';

/** What a run has measured so far: its generations and reference lines (null until known). */
export interface RunMetrics {
  config: ExperimentConfig;
  /** Test accuracy of the all-labels oracle. */
  oracle: number | null;
  /** With an audit: test accuracy of generation 0's model trained on labels plus audit examples (null until known). */
  withAudit?: number | null;
  generations: readonly GenerationResult[];
  /** Where it ran, once the run has started: the JSON names the backend and adapter as the CLI's does. */
  backend?: BackendInfo | null;
  /** With config.pretrain, once the warm-up is over: its result, as the CLI's JSON carries it. */
  warmup?: WarmupResult | null;
}

/** The per-generation columns of the CSV, in order; `perClass` and `perClassRight` become one column per class each. */
const CSV_COLUMNS = ['generation', 'testAccuracy', 'pseudoLabelAccuracy', 'coverage', 'pseudoLabels', 'meanConfidence', 'seconds'] as const;

/** The critic's CSV columns and the CriticResult field each holds. */
const CRITIC_FIELDS = { criticVetoed: 'vetoed', criticVetoedWrong: 'vetoedWrong', criticPrecision: 'precision', criticRecall: 'recall' } as const;
const CRITIC_COLUMNS = Object.keys(CRITIC_FIELDS) as (keyof typeof CRITIC_FIELDS)[];

/** A recipe search's CSV columns: the chosen recipe's knobs (soft as 1 or 0) and its score. */
const RECIPE_COLUMNS = ['chosenRecipeLr', 'chosenRecipeTau', 'chosenRecipeK', 'chosenRecipeInoise', 'chosenRecipeDropout', 'chosenRecipeSoft', 'chosenRecipeScore'] as const;

/** A generation's recipe cells, in RECIPE_COLUMNS order; empty without a search (or a knob its strategy has not). */
function recipeRow(g: GenerationResult): (number | null)[] {
  if (!g.recipes) return RECIPE_COLUMNS.map(() => null);
  const { arms, scores, chosen } = g.recipes;
  const recipe = arms[chosen];
  return [recipe.lr, recipe.tau ?? null, recipe.k ?? null, recipe.inoise, recipe.dropout, recipe.soft ? 1 : 0, scores[chosen]];
}

/** The run's metrics as one JSON document: link, config, backend and adapter (once known), references, the warm-up (with one) and every generation's fields. */
export function metricsJson(metrics: RunMetrics): string {
  const { config, oracle, generations, backend } = metrics;
  const testAccuracy = generations.find((g) => g.generation === 0)?.testAccuracy ?? null;
  const baseline = config.audit > 0 ? { testAccuracy, withAudit: { testAccuracy: metrics.withAudit ?? null } } : { testAccuracy };
  const where = backend ? { backend: backend.kind, adapter: backend.adapter } : {};
  const warmup = metrics.warmup ? { warmup: metrics.warmup } : {};
  const document = { link: `#${encodeLink(config)}`, config, ...where, baseline, oracle: { testAccuracy: oracle }, ...warmup, generations };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * One CSV row per generation (RFC 4180, header first, `\r\n` line ends), fractions in [0, 1],
 * an empty cell where a value is null (generation 0's pseudo-label accuracy); the pseudo-labels
 * per predicted class follow as `pseudoLabelsClass0` ... columns, then how many of them are
 * right as `pseudoLabelsRightClass0` ... columns. A population (students > 1) adds
 * `bestStudent`, then each student's `studentTestAccuracy0` ... and `studentAgreement0` ....
 * A critic adds `criticVetoed`, `criticVetoedWrong`, `criticPrecision` and `criticRecall`
 * (empty where it did not vote, or where precision or recall is null). An audit adds `auditEstimate`,
 * `auditLow`, `auditHigh` and each student's `auditAccuracy0` ...; the gate `gateAccepted` (1 or 0),
 * `gateChallenger`, `gateChampion` and `gateReason` (empty at generation 0). A recipe search adds the
 * chosen recipe's `chosenRecipeLr`, `chosenRecipeTau`, `chosenRecipeK`, `chosenRecipeInoise`,
 * `chosenRecipeDropout`, `chosenRecipeSoft` and its `chosenRecipeScore` (docs/search.md). Cells holding
 * a comma or a quote are quoted.
 */
export function metricsCsv(metrics: RunMetrics): string {
  const classes = Math.max(0, ...metrics.generations.map((g) => g.perClass.length));
  const perClass = Array.from({ length: classes }, (_, c) => `pseudoLabelsClass${c}`);
  const perClassRight = Array.from({ length: classes }, (_, c) => `pseudoLabelsRightClass${c}`);
  const students = Math.max(0, ...metrics.generations.map((g) => g.students?.testAccuracy.length ?? 0));
  const best = students > 0 ? ['bestStudent'] : [];
  const studentAccuracy = Array.from({ length: students }, (_, k) => `studentTestAccuracy${k}`);
  const studentAgreement = Array.from({ length: students }, (_, k) => `studentAgreement${k}`);
  const critic = metrics.config.critic === 'committee' ? CRITIC_COLUMNS : [];
  const audit = metrics.config.audit > 0 ? ['auditEstimate', 'auditLow', 'auditHigh'] : [];
  const audited = Math.max(0, ...metrics.generations.map((g) => g.audit?.accuracy.length ?? 0));
  const auditAccuracy = Array.from({ length: audited }, (_, k) => `auditAccuracy${k}`);
  const gate = metrics.config.gate ? ['gateAccepted', 'gateChallenger', 'gateChampion', 'gateReason'] : [];
  const recipe = metrics.config.search !== 'off' ? RECIPE_COLUMNS : [];
  const rows = metrics.generations.map((g) => [
    ...CSV_COLUMNS.map((column) => g[column]),
    ...perClass.map((_, c) => g.perClass[c] ?? null),
    ...perClassRight.map((_, c) => g.perClassRight[c] ?? null),
    ...best.map(() => g.students?.best ?? null),
    ...studentAccuracy.map((_, k) => g.students?.testAccuracy[k] ?? null),
    ...studentAgreement.map((_, k) => g.students?.agreement[k] ?? null),
    ...critic.map((column) => g.critic?.[CRITIC_FIELDS[column]] ?? null),
    ...(audit.length ? [g.audit?.estimate ?? null, g.audit?.low ?? null, g.audit?.high ?? null] : []),
    ...auditAccuracy.map((_, k) => g.audit?.accuracy[k] ?? null),
    ...(gate.length ? (g.gate ? [g.gate.accepted ? 1 : 0, g.gate.challenger, g.gate.champion, g.gate.reason] : [null, null, null, null]) : []),
    ...(recipe.length > 0 ? recipeRow(g) : []),
  ]);
  const header = [...CSV_COLUMNS, ...perClass, ...perClassRight, ...best, ...studentAccuracy, ...studentAgreement, ...critic, ...audit, ...auditAccuracy, ...gate, ...recipe];
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One cell: empty for null, quoted (quotes doubled) where it holds a comma, a quote or a line break. */
function csvCell(cell: string | number | null): string {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
