import { describe, expect, test } from 'vitest';
import { EngineError, type Backend } from '../../src/engine/backend.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import type { WebGpuBackend } from '../../src/engine/backends/webgpu.ts';
import { createNetwork, PREDICT_CHUNK } from '../../src/model/network.ts';
import { rowRange, uploadPixelRows, uploadRows } from '../../src/model/rows.ts';
import type { ModelSpec } from '../../src/model/types.ts';
import { useNodeBackend } from '../engine/webgpu/nodeGpu.ts';

let gpu: WebGpuBackend;
useNodeBackend((backend) => (gpu = backend));

const SPEC: ModelSpec = { kind: 'cnn', inputDim: 64, image: { channels: 1, height: 8, width: 8 }, classes: 3, filters: [2], hidden: [4], dropout: 0.1 };
/** More than two evaluation chunks, so ranges start and end inside them. */
const ROWS = 2 * PREDICT_CHUNK + 90;
const pixels = Uint8Array.from({ length: ROWS * 64 }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 24) & 255);
/** Ranges that start at 0, inside a chunk, at a chunk's start, and run to the end. */
const RANGES: [number, number][] = [[0, 100], [100, PREDICT_CHUNK + 30], [PREDICT_CHUNK, PREDICT_CHUNK], [300, ROWS - 300], [ROWS - 1, 1]];

describe('rowRange: a part of uploaded rows, evaluated in place', () => {
  test.each([
    ['cpu', () => createCpuBackend()],
    ['webgpu', (): Backend => gpu],
  ])('%s: a range predicts and classifies its rows exactly as the whole set does', async (_, make) => {
    const backend = make();
    const rows = uploadPixelRows(backend, pixels, ROWS, 64);
    const network = createNetwork(backend, SPEC, 4);
    const whole = await network.predict(rows);
    const verdicts = await network.classify(rows);
    // Rows whose probabilities all differ: a range that read the wrong rows could not pass.
    expect(new Set(whole).size).toBeGreaterThan(ROWS);
    for (const [start, count] of RANGES) {
      const part = rowRange(rows, start, count);
      expect(Array.from(await network.predict(part))).toEqual(Array.from(whole.subarray(start * 3, (start + count) * 3)));
      const verdict = await network.classify(part);
      expect(Array.from(verdict.labels)).toEqual(Array.from(verdicts.labels.subarray(start, start + count)));
      expect(Array.from(verdict.confidence)).toEqual(Array.from(verdicts.confidence.subarray(start, start + count)));
    }
    network.dispose();
    rows.dispose();
  });

  test('a range outside the rows, or training on one, is refused with the reason; disposing a range keeps its rows', async () => {
    const backend = createCpuBackend();
    const rows = uploadRows(backend, Float32Array.from(pixels, (v) => v / 255), ROWS, 64);
    expect(() => rowRange(rows, ROWS - 10, 11)).toThrow(`not within the ${ROWS} rows`);
    expect(() => rowRange(rows, -1, 2)).toThrow(EngineError);
    const network = createNetwork(backend, SPEC, 4);
    const part = rowRange(rows, 10, 20);
    expect(() => network.setTrainingSet(part, new Float32Array(60), new Float32Array(20))).toThrow(/whole uploaded rows/);
    part.dispose();
    expect((await network.predict(rows)).length).toBe(ROWS * 3);
    network.dispose();
    rows.dispose();
    await expect(network.predict(part)).rejects.toThrow(/disposed/);
  });
});
