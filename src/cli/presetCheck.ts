import { decodeLink } from '../config/codec.ts';
import { PARAM_TABLE } from '../config/params.ts';
import type { ExperimentConfig } from '../config/schema.ts';
import type { Backend } from '../engine/backend.ts';
import { createCpuBackend } from '../engine/backends/cpu.ts';
import type { ExperimentResult } from '../selftrain/events.ts';
import { runExperiment } from '../selftrain/runExperiment.ts';

/** A gain preset must end this many points above generation 0 ... */
export const GAIN_POINTS = 5;
/** ... or within this many points of the all-labels oracle. */
export const ORACLE_POINTS = 2;
/** A bias preset's pseudo-label accuracy must fall at least this many points from its first to its last generation ... */
export const BIAS_DROP_POINTS = 3;
/** ... without rising by more than this between two generations (averaged over seeds). */
export const BIAS_RISE_TOLERANCE_POINTS = 0.5;

/**
 * Runs of one experiment with several seeds; accuracies are means over the seeds, as fractions.
 * A run that stopped early counts in later generations with its last values: it stopped
 * because the next generation would have admitted the same pseudo-labels again.
 */
export interface SeedSummary {
  seeds: number[];
  /** Generation 0: the labelled-only model. */
  baseline: number;
  /** Each run's last generation. */
  last: number;
  oracle: number;
  /** Mean test accuracy per generation from 0. */
  testAccuracy: number[];
  /** Mean pseudo-label accuracy per generation from 1 (runs that admitted none are left out). */
  pseudoLabelAccuracy: number[];
  /** The first and last of `pseudoLabelAccuracy`. */
  firstPseudoLabelAccuracy: number;
  lastPseudoLabelAccuracy: number;
}

/** A preset measured over several seeds. */
export interface PresetMeasurement extends SeedSummary {
  /**
   * The labelled-only model trained ten times as many epochs. Not part of the verdict: it
   * shows whether a gain is self-training's or only generation 0 stopping early.
   */
  longerBaseline: number | null;
}

/**
 * Runs `link` with seeds seed, seed+1, ... (or from `firstSeed`) on a fresh backend each, as
 * the page and CLI would.
 */
export async function measurePreset(
  link: string,
  seedCount: number,
  createBackend: () => Backend,
  options: { longerBaseline?: boolean; firstSeed?: number } = {},
): Promise<PresetMeasurement> {
  const { config } = decodeLink(link);
  const firstSeed = options.firstSeed ?? config.seed;
  const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);
  const results: ExperimentResult[] = [];
  for (const seed of seeds) results.push(await runOnce({ ...config, seed }, createBackend));
  let longerBaseline: number | null = null;
  if (options.longerBaseline) {
    // gens=1 with a threshold nobody reaches stops right after generation 0. The labelled and
    // test sets come from their own RNG streams, so a minimal pool leaves them as they were
    // and keeps the (unused) oracle cheap.
    const labelledOnly = (seed: number): ExperimentConfig => ({
      ...config,
      seed,
      epochs: config.epochs * 10,
      pool: PARAM_TABLE.pool.min,
      gens: 1,
      select: 'threshold',
      tau: 1,
    });
    const accuracies: number[] = [];
    for (const seed of seeds) accuracies.push((await runOnce(labelledOnly(seed), createBackend)).baseline.testAccuracy);
    longerBaseline = mean(accuracies);
  }
  return { ...summarizeSeeds(results), longerBaseline };
}

/** Means over runs of one experiment with different seeds (see SeedSummary). */
export function summarizeSeeds(results: ExperimentResult[]): SeedSummary {
  const pseudoSeries = results
    .map((r) => r.generations.slice(1).flatMap((g) => (g.pseudoLabelAccuracy === null ? [] : [g.pseudoLabelAccuracy])))
    .filter((s) => s.length > 0);
  const pseudoLabelAccuracy = carriedMeans(pseudoSeries);
  return {
    seeds: results.map((r) => r.config.seed),
    testAccuracy: carriedMeans(results.map((r) => r.generations.map((g) => g.testAccuracy))),
    baseline: mean(results.map((r) => r.baseline.testAccuracy)),
    last: mean(results.map((r) => r.generations[r.generations.length - 1].testAccuracy)),
    oracle: mean(results.map((r) => r.oracle.testAccuracy)),
    pseudoLabelAccuracy,
    firstPseudoLabelAccuracy: pseudoLabelAccuracy[0] ?? 0,
    lastPseudoLabelAccuracy: pseudoLabelAccuracy.at(-1) ?? 0,
  };
}

/** Per index, the mean over series, each shorter series carrying its last value forward. */
function carriedMeans(series: number[][]): number[] {
  const depth = Math.max(0, ...series.map((s) => s.length));
  return Array.from({ length: depth }, (_, i) => mean(series.map((s) => s[Math.min(i, s.length - 1)])));
}

async function runOnce(config: ExperimentConfig, createBackend: () => Backend): Promise<ExperimentResult> {
  const backend = createBackend();
  try {
    return await runExperiment(config, backend);
  } finally {
    backend.dispose();
  }
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

/** Whether a measurement meets issue 2's Done-when for its kind, and why not when it does not. */
export function presetVerdict(kind: 'gain' | 'bias', m: PresetMeasurement): { met: boolean; reason: string } {
  const points = (fraction: number) => (fraction * 100).toFixed(1);
  if (kind === 'gain') {
    const gain = (m.last - m.baseline) * 100;
    const gap = (m.oracle - m.last) * 100;
    const met = gain >= GAIN_POINTS || gap <= ORACLE_POINTS;
    return { met, reason: `last generation ${points(m.last)}% vs generation 0 ${points(m.baseline)}% (+${gain.toFixed(1)}) and oracle ${points(m.oracle)}% (${gap.toFixed(1)} below)` };
  }
  const drop = (m.firstPseudoLabelAccuracy - m.lastPseudoLabelAccuracy) * 100;
  const rises = m.pseudoLabelAccuracy.slice(1).filter((value, g) => (value - m.pseudoLabelAccuracy[g]) * 100 > BIAS_RISE_TOLERANCE_POINTS);
  const met = drop >= BIAS_DROP_POINTS && rises.length === 0;
  return { met, reason: `pseudo-label accuracy ${m.pseudoLabelAccuracy.map(points).join(' → ')} (falls ${drop.toFixed(1)} points)` };
}

/** A bias preset's run shows confirmation bias when its last generation ends this many points below the all-labels oracle ... */
export const BIAS_ORACLE_GAP_POINTS = 5;

/** One run of a bias preset, as the per-seed tables of docs/critic.md and bench/presets.md give it (fractions). */
export interface BiasRun {
  seed: number;
  baseline: number;
  last: number;
  oracle: number;
  /** Pseudo-labels trained on in each generation from 1 (what survived a critic). */
  admitted: number[];
  firstPseudoLabelAccuracy: number | null;
  lastPseudoLabelAccuracy: number | null;
  /** Over every generation: the candidates a critic vetoed, how many of those the teacher had wrong, and how many it had wrong in all. */
  vetoed: number;
  vetoedWrong: number;
  teacherWrong: number;
}

/** `link` run on the CPU backend with `seed`, as a BiasRun. */
export async function biasRunOf(link: string, seed: number): Promise<BiasRun> {
  return biasRun(await runOnce({ ...decodeLink(link).config, seed }, createCpuBackend));
}

export function biasRun(result: ExperimentResult): BiasRun {
  const generations = result.generations.slice(1);
  const vetoed = generations.reduce((sum, g) => sum + (g.critic?.vetoed ?? 0), 0);
  const vetoedWrong = generations.reduce((sum, g) => sum + (g.critic?.vetoedWrong ?? 0), 0);
  // The teacher's wrong candidates: the admitted ones that are wrong and the vetoed ones that were.
  const admittedWrong = generations.reduce((sum, g) => sum + Math.round(g.pseudoLabels * (1 - (g.pseudoLabelAccuracy ?? 1))), 0);
  return {
    seed: result.config.seed,
    baseline: result.baseline.testAccuracy,
    last: result.generations[result.generations.length - 1].testAccuracy,
    oracle: result.oracle.testAccuracy,
    admitted: generations.map((g) => g.pseudoLabels),
    firstPseudoLabelAccuracy: generations[0]?.pseudoLabelAccuracy ?? null,
    lastPseudoLabelAccuracy: generations.at(-1)?.pseudoLabelAccuracy ?? null,
    vetoed,
    vetoedWrong,
    teacherWrong: admittedWrong + vetoedWrong,
  };
}

/**
 * Whether one run shows confirmation bias ("Bias on every seed", issue 15): every generation from
 * 1 admits pseudo-labels, their accuracy falls at least BIAS_DROP_POINTS from the first
 * generation to the last, and the last generation ends BIAS_ORACLE_GAP_POINTS or more below the oracle.
 */
export function showsBias(run: BiasRun): boolean {
  if (run.admitted.length === 0 || run.admitted.some((count) => count === 0)) return false;
  const drop = ((run.firstPseudoLabelAccuracy ?? 0) - (run.lastPseudoLabelAccuracy ?? 0)) * 100;
  return drop >= BIAS_DROP_POINTS && (run.oracle - run.last) * 100 >= BIAS_ORACLE_GAP_POINTS;
}
