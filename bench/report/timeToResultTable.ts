// The time-to-result section of the report: per preset, seconds to generation 0's result and
// to the run's end, in the page and on the command line. Pure functions, unit-tested.
import { failedCell } from './table.ts';
import type { TimedRun, TimeToResultRow } from './types.ts';

const DASH = '—';

/** Seconds with one decimal ("12.3"), or a dash. */
export function formatSeconds(seconds: number | null): string {
  return seconds === null || !Number.isFinite(seconds) ? DASH : seconds.toFixed(1);
}

/** The backend kind a page's status line names ("WebGPU on SwiftShader…" -> webgpu), or null. */
export function backendOfStatus(text: string): string | null {
  const name = /\b(CPU|WebAssembly|WebGPU)\b/i.exec(text)?.[1].toLowerCase();
  return name === undefined ? null : name === 'webassembly' ? 'wasm' : name;
}

/** The two cells of one timed run: its seconds, or the failure and a dash. */
function runCells(run: TimedRun): string[] {
  return run.error !== null ? [failedCell(run.error), DASH] : [formatSeconds(run.firstGenerationSeconds), formatSeconds(run.endSeconds)];
}

/** One line per preset, in the order given: the backends chosen, then the page's seconds and the CLI's. */
export function timeToResultTable(rows: readonly TimeToResultRow[]): string {
  const header = ['preset', 'backend (page / CLI)', 'page: first generation s', 'page: end s', 'CLI: first generation s', 'CLI: end s'];
  const body = rows.map((row) => [row.preset, `${row.page.backend ?? DASH} / ${row.cli.backend ?? DASH}`, ...runCells(row.page), ...runCells(row.cli)]);
  const rule = header.map((_, i) => (i > 1 ? '---:' : '---'));
  return [header, rule, ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The section as printed: a heading line saying what is timed, the table. */
export function renderTimeToResult(rows: readonly TimeToResultRow[]): string {
  return [
    'Time to result: each preset run once as a person would: in the page (the production build in headless Chromium, timed from the click on Run to generation 0\'s row in the Generations table and to the Done status) and with the CLI (`node scripts/experiment.mjs "<link>" --json --progress`, timed from the process\'s start to its generation 0 line on stderr and to its exit).',
    timeToResultTable(rows),
  ].join('\n\n');
}
