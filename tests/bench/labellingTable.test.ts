import { describe, expect, it } from 'vitest';
import { labellingTable, renderLabelling } from '../../bench/report/labellingTable.ts';
import type { LabellerName, LabellingRow, WorkloadName } from '../../bench/report/types.ts';

function row(workload: WorkloadName, labeller: LabellerName, examplesPerSecond: number | null, error: string | null = null): LabellingRow {
  return { workload, labeller, examples: 10_000, examplesPerSecond, msToSession: error ? null : 42.25, error };
}

describe('the labelling table', () => {
  it('lists rows by workload then labeller, with speed against the engine on the CPU and against ort-wasm', () => {
    const rows = [row('W2', 'ort-wasm', 50_000), row('W1', 'ort-webgpu', 400_000), row('W1', 'autodidact-cpu', 200_000), row('W2', 'autodidact-cpu', 100_000), row('W2', 'autodidact-wasm', 20_000)];
    expect(labellingTable(rows).split('\n')).toEqual([
      '| workload | labeller | examples/s | ms to session | vs autodidact-cpu | vs ort-wasm |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      '| W1 | autodidact-cpu | 200,000 | 42.3 | 1.0× | — |',
      '| W1 | ort-webgpu | 400,000 | 42.3 | 2.0× | — |',
      '| W2 | autodidact-wasm | 20,000 | 42.3 | 0.20× | 0.40× |',
      '| W2 | autodidact-cpu | 100,000 | 42.3 | 1.0× | 2.0× |',
      '| W2 | ort-wasm | 50,000 | 42.3 | 0.50× | 1.0× |',
    ]);
  });

  it('shows a failed row with its reason, and a dash where the CPU engine has no number', () => {
    const lines = labellingTable([row('W3', 'ort-webgpu', null, 'no adapter\nhere'), row('W3', 'ort-wasm', 1000), row('W3', 'autodidact-cpu', null, 'out of memory')]).split('\n');
    expect(lines.slice(2)).toEqual([
      '| W3 | autodidact-cpu | failed: out of memory | — | — | — |',
      '| W3 | ort-webgpu | failed: no adapter here | — | — | — |',
      '| W3 | ort-wasm | 1,000 | 42.3 | — | 1.0× |',
    ]);
  });

  it('says what a pass is above the table', () => {
    expect(renderLabelling([row('W1', 'ort-wasm', 1)]).split('\n')[0]).toMatch(/^Labelling pass: one frozen model predicts every example of a 10,000-example pool/);
  });
});
