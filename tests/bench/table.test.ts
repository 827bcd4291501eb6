import { describe, expect, it } from 'vitest';
import { describeAdapter, detailsTable, failedCell, formatBytes, formatCount, formatRatio, headerLines, samplesTable } from '../../bench/report/table.ts';
import type { BenchRow, EngineName, WorkloadName } from '../../bench/report/types.ts';

function row(workload: WorkloadName, engine: EngineName, samplesPerSecond: number | null, error: string | null = null): BenchRow {
  return { workload, engine, samplesPerSecond, msToFirstStep: 12.5, dispatchesPerStep: null, readbacksPerEpoch: null, gpuBytes: null, stepsPerEpoch: 100, error };
}

describe('number formats', () => {
  it('groups thousands and keeps one decimal below 100', () => {
    expect(formatCount(1234567.8)).toBe('1,234,568');
    expect(formatCount(57.25)).toBe('57.3');
    expect(formatCount(4)).toBe('4');
    expect(formatCount(null)).toBe('—');
  });

  it('writes ratios with two significant digits and a dash when a side is missing', () => {
    expect(formatRatio(300, 10)).toBe('30×');
    expect(formatRatio(15, 10)).toBe('1.5×');
    expect(formatRatio(5, 10)).toBe('0.50×');
    expect(formatRatio(5, null)).toBe('—');
    expect(formatRatio(5, 0)).toBe('—');
  });

  it('writes bytes as MB', () => {
    expect(formatBytes(14_300_000)).toBe('14.3 MB');
    expect(formatBytes(null)).toBe('—');
  });

  it('keeps a failure reason on one line of a table cell', () => {
    expect(failedCell('timed out\n  at | step')).toBe('failed: timed out at / step');
    expect(failedCell('x'.repeat(200)).length).toBeLessThan(90);
  });
});

describe('samplesTable', () => {
  const rows = [
    row('W1', 'autodidact-cpu', 300_000),
    row('W1', 'tfjs-cpu', 10_000),
    row('W1', 'plain-js', 400_000),
    row('W2', 'autodidact-cpu', 2_000),
    row('W2', 'tfjs-cpu', null, 'no answer | within 90 s'),
    row('W2', 'plain-js', 2_500),
  ];

  it('puts workloads down, engines across, and the ratio columns whose engines both ran', () => {
    const lines = samplesTable(rows).split('\n');
    expect(lines[0]).toBe('| samples/s | autodidact-cpu | tfjs-cpu | plain-js | autodidact-cpu / tfjs-cpu | autodidact-cpu / plain-js |');
    expect(lines[1]).toBe('| --- | ---: | ---: | ---: | ---: | ---: |');
    expect(lines[2]).toBe('| W1 | 300,000 | 10,000 | 400,000 | 30× | 0.75× |');
    expect(lines[3]).toBe('| W2 | 2,000 | failed: no answer / within 90 s | 2,500 | — | 0.80× |');
    expect(lines).toHaveLength(4);
  });

  it('adds the WebGPU ratio once autodidact-webgpu has a row', () => {
    const header = samplesTable([...rows, row('W1', 'autodidact-webgpu', 5_000), row('W1', 'tfjs-webgpu', 250)]).split('\n')[0];
    expect(header.startsWith('| samples/s | autodidact-webgpu | autodidact-cpu | tfjs-webgpu |')).toBe(true);
    expect(header.endsWith('| autodidact-webgpu / tfjs-webgpu |')).toBe(true);
  });

  it('compares autodidact with jax-js on the same backend only where jax-js ran', () => {
    const jax = [row('W2', 'autodidact-wasm', 9_000), row('W2', 'jax-js-wasm', 6_000), row('W2', 'autodidact-webgpu', 3_000)];
    const lines = samplesTable(jax).split('\n');
    expect(lines[0]).toBe('| samples/s | autodidact-webgpu | autodidact-wasm | jax-js-wasm | autodidact-wasm / jax-js-wasm |');
    expect(lines[2]).toBe('| W2 | 3,000 | 9,000 | 6,000 | 1.5× |');
  });
});

describe('detailsTable and header', () => {
  it('gives every row its metrics, and a failed row only its reason', () => {
    const lines = detailsTable([row('W1', 'plain-js', 400_000), row('W2', 'tfjs-cpu', null, 'boom')]).split('\n');
    expect(lines[2]).toBe('| W1 | plain-js | 400,000 | — | 12.5 | — | — | — | 100 |');
    expect(lines[3]).toBe('| W2 | tfjs-cpu | failed: boom | — | — | — | — | — | — |');
  });

  it('says which adapter ran, software or not', () => {
    const adapter = { vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true };
    expect(describeAdapter(adapter)).toBe('google swiftshader (fallback adapter: software)');
    expect(describeAdapter(null)).toMatch(/^none/);
    const lines = headerLines({ date: '2026-11-23', browser: 'Chromium 156', adapter, machine: '2 cores', notes: ['n'] });
    expect(lines).toEqual(['Date: 2026-11-23', 'Browser: Chromium 156', 'WebGPU adapter: google swiftshader (fallback adapter: software)', 'Machine: 2 cores', 'Note: n']);
  });
});
