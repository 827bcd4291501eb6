import { describe, expect, it } from 'vitest';
import { backendOfStatus, formatSeconds, renderTimeToResult, timeToResultTable } from '../../bench/report/timeToResultTable.ts';
import type { TimedRun, TimeToResultRow } from '../../bench/report/types.ts';

function run(backend: string | null, first: number | null, end: number | null, error: string | null = null): TimedRun {
  return { backend, firstGenerationSeconds: first, endSeconds: end, error };
}

describe('the time-to-result table', () => {
  it('lists the presets in the order given, backends side by side, seconds to one decimal', () => {
    const rows: TimeToResultRow[] = [
      { preset: 'Two moons from 18 labels', page: run('cpu', 0.44, 2.96), cli: run('cpu', 1.849, 3.25) },
      { preset: 'MNIST, 100 labels', page: run('webgpu', 21.04, 180.5), cli: run('wasm', 12, 239.96) },
    ];
    expect(timeToResultTable(rows).split('\n')).toEqual([
      '| preset | backend (page / CLI) | page: first generation s | page: end s | CLI: first generation s | CLI: end s |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      '| Two moons from 18 labels | cpu / cpu | 0.4 | 3.0 | 1.8 | 3.3 |',
      '| MNIST, 100 labels | webgpu / wasm | 21.0 | 180.5 | 12.0 | 240.0 |',
    ]);
  });

  it('shows a failed run with its reason, and a dash where nothing was known', () => {
    const rows: TimeToResultRow[] = [{ preset: 'Xor', page: run(null, null, null, 'Timeout 900000ms\nexceeded'), cli: run('cpu', null, 4) }];
    expect(timeToResultTable(rows).split('\n')[2]).toBe('| Xor | — / cpu | failed: Timeout 900000ms exceeded | — | — | 4.0 |');
  });

  it('says what is timed above the table', () => {
    expect(renderTimeToResult([]).split('\n')[0]).toMatch(/^Time to result: each preset run once .* from the click on Run to generation 0's row/);
  });
});

describe('reading numbers and status lines', () => {
  it('formats seconds, a dash for none', () => {
    expect([formatSeconds(0.05), formatSeconds(12.345), formatSeconds(null), formatSeconds(Number.NaN)]).toEqual(['0.1', '12.3', '—', '—']);
  });

  it('names the backend the page says it trains on, by the first backend its status line names', () => {
    expect(backendOfStatus('CPU: small model, the CPU is faster than WebGPU here')).toBe('cpu');
    expect(backendOfStatus('WebGPU (SwiftShader)')).toBe('webgpu');
    expect(backendOfStatus('WebAssembly SIMD: the fastest for this model on this machine')).toBe('wasm');
    expect(backendOfStatus('Training runs in a background worker.')).toBeNull();
  });
});
