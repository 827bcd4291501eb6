// The labelling-pass section of the report: examples/s and session time per labeller, with
// each labeller's speed against the engine on the CPU and against onnxruntime-web's WASM provider. Pure functions, unit-tested.
import { failedCell, formatCount, formatRatio } from './table.ts';
import { LABELLER_NAMES, WORKLOAD_NAMES, type LabellerName, type LabellingRow } from './types.ts';

const DASH = '—';

/** One line per workload × labeller, in workload then labeller order. */
export function labellingTable(rows: readonly LabellingRow[]): string {
  const header = ['workload', 'labeller', 'examples/s', 'ms to session', 'vs autodidact-cpu', 'vs ort-wasm'];
  const ordered = WORKLOAD_NAMES.flatMap((workload) => LABELLER_NAMES.flatMap((labeller) => rows.filter((row) => row.workload === workload && row.labeller === labeller)));
  const body = ordered.map((row) => {
    if (row.error !== null) return [row.workload, row.labeller, failedCell(row.error), DASH, DASH, DASH];
    const speedOf = (labeller: LabellerName) => rows.find((other) => other.workload === row.workload && other.labeller === labeller && other.error === null)?.examplesPerSecond ?? null;
    const speed = row.examplesPerSecond;
    return [row.workload, row.labeller, formatCount(speed), formatCount(row.msToSession), formatRatio(speed, speedOf('autodidact-cpu')), formatRatio(speed, speedOf('ort-wasm'))];
  });
  const rule = header.map((_, i) => (i > 1 ? '---:' : '---'));
  return [header, rule, ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The section as printed: a heading line, what a pass is, the table. */
export function renderLabelling(rows: readonly LabellingRow[]): string {
  const examples = rows[0]?.examples ?? 0;
  return [
    `Labelling pass: one frozen model predicts every example of a ${formatCount(examples)}-example pool (probabilities read back); ort-* run its exported ONNX file on onnxruntime-web.`,
    labellingTable(rows),
  ].join('\n\n');
}
