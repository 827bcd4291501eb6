// The population section of the report: one self-training generation with one student and
// with K side by side, per backend, and their time ratio. Pure functions, unit-tested.
import { failedCell, formatCount, formatRatio } from './table.ts';
import { GENERATION_ENGINES, type GenerationRow } from './types.ts';

const DASH = '—';

/** One line per backend, in engine order: both times and K students' time over one's. */
export function generationTable(rows: readonly GenerationRow[]): string {
  const students = rows[0]?.students ?? 0;
  const header = ['engine', 'ms, 1 student', `ms, ${students} students`, `${students} / 1`];
  const ordered = GENERATION_ENGINES.flatMap((engine) => rows.filter((row) => row.engine === engine));
  const body = ordered.map((row) =>
    row.error !== null ? [row.engine, failedCell(row.error), DASH, DASH] : [row.engine, formatCount(row.msOne), formatCount(row.msMany), formatRatio(row.msMany, row.msOne)],
  );
  const rule = header.map((_, i) => (i > 0 ? '---:' : '---'));
  return [header, rule, ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The section as printed: a heading line, what a generation is, the table. */
export function renderGenerations(rows: readonly GenerationRow[]): string {
  const { preset, students } = rows[0] ?? { preset: '', students: 0 };
  return [
    `Population: one self-training generation of the preset "${preset}" (generation 1: the teacher labels the pool, the students train and are evaluated) with 1 student and with ${students} side by side in the same ops; the last column is the time ratio (${students} would mean no gain over one student after another).`,
    generationTable(rows),
  ].join('\n\n');
}
