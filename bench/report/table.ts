// Markdown for the terminal and for RESULTS.md: a samples/s table with ratio columns, a table of
// the other metrics, and header lines saying where it ran. Pure functions, unit-tested.
import { roundSpread } from './rounds.ts';
import { ENGINE_NAMES, WORKLOAD_NAMES, type AdapterSummary, type BenchEnvironment, type BenchReport, type BenchRow, type EngineName } from './types.ts';

/** Ratio columns of the samples/s table: numerator / denominator, shown when both engines ran. */
export const RATIOS: readonly (readonly [EngineName, EngineName])[] = [
  ['autodidact-cpu', 'tfjs-cpu'],
  ['autodidact-cpu', 'plain-js'],
  ['autodidact-webgpu', 'tfjs-webgpu'],
  ['autodidact-wasm', 'tfjs-wasm'],
  ['autodidact-wasm', 'autodidact-cpu'],
  ['autodidact-webgpu', 'jax-js-webgpu'],
  ['autodidact-wasm', 'jax-js-wasm'],
  // `auto` against each backend it chooses between on a CPU: never below the faster is the goal.
  ['autodidact-auto', 'autodidact-wasm'],
  ['autodidact-auto', 'autodidact-cpu'],
];

const DASH = '—';
const MAX_REASON = 70;

/** 1234567.8 -> "1,234,568"; below 100 a fraction keeps one decimal (57.5 dispatches, 94.8 samples/s). */
export function formatCount(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const digits = Math.abs(value) < 100 && !Number.isInteger(value) ? 1 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** a / b as "12.3×" (two significant digits below 10), or a dash when either is missing. */
export function formatRatio(a: number | null, b: number | null): string {
  if (a === null || b === null || !(b > 0)) return DASH;
  const ratio = a / b;
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(ratio >= 1 ? 1 : 2)}×`;
}

/** Bytes as MB (10^6, one decimal), or a dash. */
export function formatBytes(bytes: number | null): string {
  return bytes === null ? DASH : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A fraction as a whole percent, or a dash. */
export function formatPercent(fraction: number | null): string {
  return fraction === null ? DASH : `${Math.round(fraction * 100)}%`;
}

/** A failure reason that fits in one table cell: one line, no pipes, at most MAX_REASON characters. */
export function failedCell(reason: string): string {
  const line = reason.replace(/\s+/g, ' ').replace(/\|/g, '/').trim();
  return `failed: ${line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line}`;
}

function markdownTable(header: string[], body: string[][], rightAligned: boolean[]): string {
  const rule = rightAligned.map((right) => (right ? '---:' : '---'));
  return [header, rule, ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function enginesIn(rows: readonly BenchRow[]): EngineName[] {
  return ENGINE_NAMES.filter((engine) => rows.some((row) => row.engine === engine));
}

function find(rows: readonly BenchRow[], workload: string, engine: EngineName): BenchRow | undefined {
  return rows.find((row) => row.workload === workload && row.engine === engine);
}

/** Workloads down, engines across (samples/s, or the failure), then the ratio columns whose engines both ran. */
export function samplesTable(rows: readonly BenchRow[]): string {
  const engines = enginesIn(rows);
  const ratios = RATIOS.filter(([numerator, denominator]) => engines.includes(numerator) && engines.includes(denominator));
  const workloads = WORKLOAD_NAMES.filter((workload) => rows.some((row) => row.workload === workload));
  const header = ['samples/s', ...engines, ...ratios.map(([a, b]) => `${a} / ${b}`)];
  const body = workloads.map((workload) => {
    const cells = engines.map((engine) => {
      const row = find(rows, workload, engine);
      if (!row) return DASH;
      return row.error === null ? formatCount(row.samplesPerSecond) : failedCell(row.error);
    });
    const rate = (engine: EngineName) => find(rows, workload, engine)?.samplesPerSecond ?? null;
    return [workload, ...cells, ...ratios.map(([a, b]) => formatRatio(rate(a), rate(b)))];
  });
  return markdownTable(header, body, header.map((_, i) => i > 0));
}

/** One line per row with every metric; round spread is (max - min) / max of samples/s over the rounds. */
export function detailsTable(rows: readonly BenchRow[]): string {
  const header = ['workload', 'engine', 'samples/s', 'round spread', 'ms to first step', 'dispatches/step', 'readbacks/epoch', 'GPU buffers (peak)', 'steps/epoch'];
  const body = rows.map((row) =>
    row.error !== null
      ? [row.workload, row.engine, failedCell(row.error), DASH, DASH, DASH, DASH, DASH, DASH]
      : [
          row.workload,
          row.engine,
          formatCount(row.samplesPerSecond),
          formatPercent(roundSpread(row)),
          formatCount(row.msToFirstStep),
          formatCount(row.dispatchesPerStep),
          formatCount(row.readbacksPerEpoch),
          formatBytes(row.gpuBytes),
          formatCount(row.stepsPerEpoch),
        ],
  );
  return markdownTable(header, body, header.map((_, i) => i > 1));
}

export function describeAdapter(adapter: AdapterSummary | null): string {
  if (!adapter) return 'none (no WebGPU in this browser)';
  const name = [adapter.vendor, adapter.architecture, adapter.device].filter(Boolean).join(' ') || adapter.description || 'unnamed';
  return `${name}${adapter.isFallbackAdapter ? ' (fallback adapter: software)' : ' (hardware)'}`;
}

/** The lines above the tables: date, browser, adapter, machine, notes. */
export function headerLines(env: BenchEnvironment): string[] {
  return [
    `Date: ${env.date}`,
    `Browser: ${env.browser}`,
    `WebGPU adapter: ${describeAdapter(env.adapter)}`,
    `Machine: ${env.machine}`,
    ...env.notes.map((note) => `Note: ${note}`),
  ];
}

/** The whole printout: header lines as a list, then the samples/s table and the details table. */
export function renderReport(report: BenchReport): string {
  return [
    headerLines(report).map((line) => `- ${line}`).join('\n'),
    samplesTable(report.rows),
    detailsTable(report.rows),
  ].join('\n\n');
}
