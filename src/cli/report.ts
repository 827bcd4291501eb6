import type { ExperimentResult, GenerationResult } from '../selftrain/events.ts';

/** The generation fields the JSON output carries, and only those. */
export function generationJson(g: GenerationResult) {
  return {
    generation: g.generation,
    testAccuracy: g.testAccuracy,
    pseudoLabelAccuracy: g.pseudoLabelAccuracy,
    coverage: g.coverage,
    pseudoLabels: g.pseudoLabels,
    seconds: g.seconds,
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
    baseline: { testAccuracy: result.baseline.testAccuracy },
    oracle: { testAccuracy: result.oracle.testAccuracy },
    generations: result.generations.map(generationJson),
  };
}

/** Means over runs of one link with different seeds: what a preset is judged by. */
export interface SeedSummary {
  seeds: number[];
  baseline: number;
  /** Test accuracy of each run's last generation. */
  last: number;
  oracle: number;
  /** Pseudo-label accuracy of each run's first and last generation that had pseudo-labels (null: none had). */
  firstPseudoLabelAccuracy: number | null;
  lastPseudoLabelAccuracy: number | null;
  /** Per generation, over the runs that reached it. */
  generations: { generation: number; runs: number; testAccuracy: number; pseudoLabelAccuracy: number | null }[];
}

export function summarize(results: ExperimentResult[]): SeedSummary {
  const labelled = (r: ExperimentResult) => r.generations.filter((g) => g.pseudoLabelAccuracy !== null);
  const depth = Math.max(...results.map((r) => r.generations.length));
  return {
    seeds: results.map((r) => r.config.seed),
    baseline: mean(results.map((r) => r.baseline.testAccuracy)),
    last: mean(results.map((r) => r.generations[r.generations.length - 1].testAccuracy)),
    oracle: mean(results.map((r) => r.oracle.testAccuracy)),
    firstPseudoLabelAccuracy: meanOrNull(results.map((r) => labelled(r)[0]?.pseudoLabelAccuracy ?? null)),
    lastPseudoLabelAccuracy: meanOrNull(results.map((r) => labelled(r).at(-1)?.pseudoLabelAccuracy ?? null)),
    generations: Array.from({ length: depth }, (_, generation) => {
      const reached = results.map((r) => r.generations[generation]).filter((g) => g !== undefined);
      return {
        generation,
        runs: reached.length,
        testAccuracy: mean(reached.map((g) => g.testAccuracy)),
        pseudoLabelAccuracy: meanOrNull(reached.map((g) => g.pseudoLabelAccuracy)),
      };
    }),
  };
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function meanOrNull(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : mean(present);
}

const percent = (fraction: number | null) => (fraction === null ? '—' : `${(fraction * 100).toFixed(1)}%`);

/** A fixed-width text table, columns right-aligned after the first. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** The per-generation table a person reads, with the two reference lines. */
export function resultTable(result: ExperimentResult): string {
  const rows = result.generations.map((g) => [
    String(g.generation),
    percent(g.testAccuracy),
    percent(g.pseudoLabelAccuracy),
    percent(g.coverage),
    String(g.pseudoLabels),
    g.seconds.toFixed(2),
  ]);
  rows.push(['baseline (labelled only)', percent(result.baseline.testAccuracy), '', '', '', '']);
  rows.push(['oracle (all labels)', percent(result.oracle.testAccuracy), '', '', '', '']);
  const header = ['Generation', 'Test accuracy', 'Pseudo-label accuracy', 'Coverage', 'Pseudo-labels', 'Seconds'];
  return `${result.link}\n${result.adapter} · ${result.testSize} test points\n\n${table(header, rows)}`;
}

/** The mean over seeds, as a table. */
export function summaryTable(link: string, summary: SeedSummary): string {
  const rows = summary.generations.map((g) => [String(g.generation), percent(g.testAccuracy), percent(g.pseudoLabelAccuracy), String(g.runs)]);
  rows.push(['baseline (labelled only)', percent(summary.baseline), '', '']);
  rows.push(['last generation', percent(summary.last), '', '']);
  rows.push(['oracle (all labels)', percent(summary.oracle), '', '']);
  const header = ['Generation', 'Test accuracy', 'Pseudo-label accuracy', 'Runs'];
  return `${link}\nmean over seeds ${summary.seeds.join(', ')}\n\n${table(header, rows)}`;
}
