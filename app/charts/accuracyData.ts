import type { GenerationResult } from '../../src/selftrain/events.ts';
import { MAX_PINS, type PinnedRun } from '../pins/pins.ts';
import type { LegendEntry } from './ChartLegend.tsx';
import { AUDIT_BAND, LINE, PINNED, REJECTED, STUDENT_BAND } from './chartTheme.ts';

export interface AccuracyInputs {
  results: readonly GenerationResult[];
  baseline: number | null;
  oracle: number | null;
  /** With an audit: the labelled-only model trained on labels plus audit examples (null until known). */
  withAudit?: number | null;
  /** Generations after generation 0: the x axis runs 0..totalGenerations. */
  totalGenerations: number;
  /** Pinned runs, drawn as ghost lines of their test accuracy. */
  pins?: readonly PinnedRun[];
}

type Line = (number | null)[];

/**
 * The series the accuracy chart draws, in percent: x, test (the chosen student's),
 * pseudo-label, baseline, oracle, then a population's highest, lowest and mean student
 * (null for a generation of one student), then with an audit its estimate, the interval's
 * low and high ends, the labels + audit line, the gate's rejected generations (their
 * test accuracy, null elsewhere: drawn as markers only), and the pinned runs' test accuracy
 * (MAX_PINS lines, null for a pin not there).
 */
export type AccuracySeries = [number[], Line, Line, Line, Line, Line, Line, Line, Line, Line, Line, Line, Line, ...Line[]];

/** Where the pinned runs' ghost lines start in AccuracySeries (MAX_PINS of them). */
export const PIN_SERIES = 13;

/** Where the population's lines sit in AccuracySeries: the band fills between max and min. */
export const STUDENT_SERIES = { max: 5, min: 6, mean: 7 } as const;

/** Where the audit's lines sit in AccuracySeries: its interval is a band between high and low. */
export const AUDIT_SERIES = { estimate: 8, low: 9, high: 10, withAudit: 11, rejected: 12 } as const;

const toPercent = (fraction: number | null | undefined): number | null =>
  fraction === null || fraction === undefined || !Number.isFinite(fraction) ? null : fraction * 100;

/**
 * One point per generation 0..totalGenerations (null where none yet), the baseline and
 * oracle as flat lines across the whole axis once they are known, and a population's spread.
 */
export function accuracySeries({ results, baseline, oracle, withAudit = null, totalGenerations, pins = [] }: AccuracyInputs): AccuracySeries {
  const last = Math.max(1, totalGenerations, ...results.map((row) => row.generation), ...pins.map((pin) => pin.testAccuracy.length - 1));
  const x = Array.from({ length: last + 1 }, (_, g) => g);
  const byGeneration = new Map(results.map((row) => [row.generation, row]));
  const test = x.map((g) => toPercent(byGeneration.get(g)?.testAccuracy));
  const pseudo = x.map((g) => toPercent(byGeneration.get(g)?.pseudoLabelAccuracy));
  const baselineLine = x.map(() => toPercent(baseline));
  const oracleLine = x.map(() => toPercent(oracle));
  // Dropped students (null: their loss diverged) are in neither the band nor the mean.
  const students = (pick: (accuracies: number[]) => number) =>
    x.map((g) => {
      const accuracies = byGeneration.get(g)?.students?.testAccuracy.filter((accuracy) => accuracy !== null);
      return accuracies?.length ? toPercent(pick(accuracies)) : null;
    });
  const max = students((accuracies) => Math.max(...accuracies));
  const min = students((accuracies) => Math.min(...accuracies));
  const mean = students((accuracies) => accuracies.reduce((sum, accuracy) => sum + accuracy, 0) / accuracies.length);
  const audit = (pick: (row: GenerationResult) => number | undefined) => x.map((g) => {
    const row = byGeneration.get(g);
    return row ? toPercent(pick(row)) : null;
  });
  const estimate = audit((row) => row.audit?.estimate);
  const low = audit((row) => row.audit?.low);
  const high = audit((row) => row.audit?.high);
  const withAuditLine = x.map(() => toPercent(withAudit));
  const rejected = audit((row) => (row.gate?.accepted === false ? row.testAccuracy : undefined));
  const ghosts = Array.from({ length: MAX_PINS }, (_, i) => x.map((g) => toPercent(pins[i]?.testAccuracy[g])));
  return [x, test, pseudo, baselineLine, oracleLine, max, min, mean, estimate, low, high, withAuditLine, rejected, ...ghosts];
}

/** How many students the run's generations have (1 when none has a population). */
export function populationSize(results: readonly GenerationResult[]): number {
  return Math.max(1, ...results.map((row) => row.students?.testAccuracy.length ?? 1));
}

/**
 * The y range in percent: up to 100, down to a round 10 below the lowest value shown (and
 * the goal, when there is one), so the differences between generations stay visible.
 * [0, 100] while empty.
 */
export function accuracyRange(series: AccuracySeries, goal: number | null = null): [number, number] {
  let lowest = goal ?? Infinity;
  for (const line of series.slice(1) as (number | null)[][]) {
    for (const value of line) if (value !== null && value < lowest) lowest = value;
  }
  if (!Number.isFinite(lowest)) return [0, 100];
  return [Math.max(0, Math.floor((lowest - 5) / 10) * 10), 100];
}

/** The judge's choice in words, for the legend and the status line: empty for one student. */
export function populationNote(students: number, audit = 0): string {
  if (students <= 1) return '';
  return audit > 0 ? `best of ${students} students, judged by the audit (${audit} checked examples)` : `best of ${students} students, judged by agreement (no labels)`;
}

/**
 * The accuracy chart's legend; a population adds its band and mean, and says which student the
 * test line follows; an audit adds its estimate, its interval and the labels + audit line, a
 * gate its rejected generations.
 */
export function accuracyLegend(students: number, audit = 0, gate = false, pinLabels: readonly string[] = []): LegendEntry[] {
  const population = students > 1;
  return [
    { label: population ? `Test accuracy: ${populationNote(students, audit)}` : 'Test accuracy', color: LINE.test, style: 'solid' },
    ...(population
      ? [
          { label: `Students min–max (${students})`, color: STUDENT_BAND, style: 'band' as const },
          { label: 'Students mean', color: LINE.students, style: 'dashed' as const },
        ]
      : []),
    { label: 'Pseudo-label accuracy', color: LINE.pseudo, style: 'solid' },
    { label: 'Labelled only (generation 0)', color: LINE.baseline, style: 'dashed' },
    { label: 'Oracle (all labels)', color: LINE.oracle, style: 'dotted' },
    ...(audit > 0
      ? [
          { label: `Audit estimate (${audit} checked examples)`, color: LINE.audit, style: 'dashed' as const },
          { label: 'Audit interval (95% for the best of the students)', color: AUDIT_BAND, style: 'band' as const },
          { label: `Labels + audit (generation 0 trained on the ${audit} too)`, color: LINE.withAudit, style: 'dashed' as const },
        ]
      : []),
    ...(gate ? [{ label: 'Rejected by the gate (the champion taught on)', color: REJECTED, style: 'marker' as const }] : []),
    ...pinLabels.map((label, i) => ({ label: `Pinned run ${i + 1}: ${label}`, color: PINNED[i], style: 'dashed' as const })),
  ];
}
