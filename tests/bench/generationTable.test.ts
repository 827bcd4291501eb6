import { describe, expect, it } from 'vitest';
import { generationTable, renderGenerations } from '../../bench/report/generationTable.ts';
import type { GenerationEngine, GenerationRow } from '../../bench/report/types.ts';

function row(engine: GenerationEngine, msOne: number | null, msMany: number | null, error: string | null = null): GenerationRow {
  return { engine, preset: 'Two moons from 18 labels', students: 8, msOne, msMany, error };
}

describe('the generation table', () => {
  it('lists backends in engine order with both times and their ratio', () => {
    const rows = [row('autodidact-cpu', 20, 160), row('autodidact-webgpu', 600, 900.4), row('autodidact-wasm', 16.25, 150)];
    expect(generationTable(rows).split('\n')).toEqual([
      '| engine | ms, 1 student | ms, 8 students | 8 / 1 |',
      '| --- | ---: | ---: | ---: |',
      '| autodidact-webgpu | 600 | 900 | 1.5× |',
      '| autodidact-wasm | 16.3 | 150 | 9.2× |',
      '| autodidact-cpu | 20 | 160 | 8.0× |',
    ]);
  });

  it('shows a failed row with its reason', () => {
    expect(generationTable([row('autodidact-webgpu', null, null, 'no adapter\nhere')]).split('\n')[2]).toBe('| autodidact-webgpu | failed: no adapter here | — | — |');
  });

  it('names the preset and the student count above the table', () => {
    expect(renderGenerations([row('autodidact-cpu', 1, 2)]).split('\n')[0]).toMatch(/^Population: one self-training generation of the preset "Two moons from 18 labels" .* with 1 student and with 8 side by side/);
  });
});
