import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { PIXEL_VALUES } from '../../../../src/engine/core/tensor.ts';
import { imageRotation } from '../../../../src/engine/ops/gatherRotated/rotation.ts';
import { inputData, place } from '../../webgpu/parity.ts';
import { PRETEXT_CASES, PRETEXT_STACKED_CASES } from '../../webgpu/pretextCases.ts';

/** A 3×3 image, 1 to 9 row by row, as it looks after 0, 1, 2 and 3 quarter turns anticlockwise. */
const TURNED = [
  [1, 2, 3, 4, 5, 6, 7, 8, 9],
  [3, 6, 9, 2, 5, 8, 1, 4, 7],
  [9, 8, 7, 6, 5, 4, 3, 2, 1],
  [7, 4, 1, 8, 5, 2, 9, 6, 3],
];
const SQUARE = { channels: 1, height: 3, width: 3 };
/** Stream (6, 1) turns rows 0-7 by 1, 2, 1, 0, 3, 2, 2, 3 quarter turns: every way. */
const [SEED, COUNTER, ROWS] = [6, 1, 8];

/** `rows` rows gathered from images `src` (each `dim` values) by `order`, with their targets. */
async function gatherRotated(src: Float32Array | Uint8Array, shape: typeof SQUARE, order: number[], seed = SEED, counter = COUNTER, models = 1) {
  const backend = createCpuBackend();
  const dim = shape.channels * shape.height * shape.width;
  const source = src instanceof Uint8Array ? backend.createByteTensor(src, 'bytes') : backend.createTensor(src.length, 'src');
  if (src instanceof Float32Array && source.dtype !== 'u8') backend.write(source, src);
  const index = backend.createIndexTensor(order.length, 'index');
  backend.writeIndices(index, Int32Array.from(order));
  const out = backend.createTensor(order.length * dim, 'out', models);
  const targets = backend.createTensor(order.length * 4, 'targets', models);
  backend.gatherRotated(source, shape, index, 0, order.length, out, targets, seed, counter);
  return { out: await backend.read(out), targets: await backend.read(targets) };
}

describe('gatherRotated', () => {
  it('turns a 3×3 image each way as the contract says, with the one-hot of its turns as the target', async () => {
    const turns = Array.from({ length: ROWS }, (_, r) => imageRotation(SEED, COUNTER, r));
    expect(new Set(turns).size).toBe(4);
    const { out, targets } = await gatherRotated(Float32Array.from(TURNED[0]), SQUARE, new Array(ROWS).fill(0));
    for (let r = 0; r < ROWS; r++) {
      expect(Array.from(out.subarray(9 * r, 9 * r + 9)), `row ${r}`).toEqual(TURNED[turns[r]]);
      expect(Array.from(targets.subarray(4 * r, 4 * r + 4)), `row ${r}`).toEqual([0, 1, 2, 3].map((q) => (q === turns[r] ? 1 : 0)));
    }
  });

  it('turns every channel of an image the same way, and reads the rows the index names from its offset', async () => {
    const backend = createCpuBackend();
    // Image i, channel c: the 3×3 image plus 100·i + 10·c.
    const images = Float32Array.from({ length: 3 * 2 * 9 }, (_, e) => TURNED[0][e % 9] + 10 * (Math.floor(e / 9) % 2) + 100 * Math.floor(e / 18));
    const src = backend.createTensor(images.length, 'src');
    backend.write(src, images);
    const index = backend.createIndexTensor(ROWS + 2, 'index');
    const order = [1, 2, 0, 1, 2, 0, 2, 1];
    backend.writeIndices(index, Int32Array.from([9, 9, ...order]));
    const shape = { channels: 2, height: 3, width: 3 };
    const [out, targets] = [backend.createTensor(ROWS * 18, 'out'), backend.createTensor(ROWS * 4, 'targets')];
    backend.gatherRotated(src, shape, index, 2, ROWS, out, targets, SEED, COUNTER);
    const got = await backend.read(out);
    for (let r = 0; r < ROWS; r++) {
      const turned = TURNED[imageRotation(SEED, COUNTER, r)];
      for (let c = 0; c < 2; c++) expect(Array.from(got.subarray(18 * r + 9 * c, 18 * r + 9 * c + 9))).toEqual(turned.map((v) => v + 10 * c + 100 * order[r]));
    }
  });

  it('reads image bytes as their pixel values, bit for bit the float images turned', async () => {
    const bytes = Uint8Array.from({ length: 4 * 9 }, (_, i) => (i * 97 + 13) % 256);
    const order = [3, 0, 2, 1, 3, 3, 0, 2];
    const fromBytes = await gatherRotated(bytes, SQUARE, order);
    const fromFloats = await gatherRotated(Float32Array.from(bytes, (b) => PIXEL_VALUES[b]), SQUARE, order);
    expect(Array.from(fromBytes.out)).toEqual(Array.from(fromFloats.out));
    expect(Array.from(fromBytes.targets)).toEqual(Array.from(fromFloats.targets));
  });

  it('draws model k of a stacked op at k·rows + r, so model 0 turns as one model does', async () => {
    const order = [0, 0, 0, 0];
    const single = await gatherRotated(Float32Array.from(TURNED[0]), SQUARE, order);
    const stacked = await gatherRotated(Float32Array.from(TURNED[0]), SQUARE, order, SEED, COUNTER, 3);
    expect(Array.from(stacked.out.subarray(0, 36))).toEqual(Array.from(single.out));
    for (let k = 0; k < 3; k++) {
      for (let r = 0; r < 4; r++) expect(Array.from(stacked.out.subarray(36 * k + 9 * r, 36 * k + 9 * r + 9))).toEqual(TURNED[imageRotation(SEED, COUNTER, 4 * k + r)]);
    }
  });

  it('draws each quarter turn about equally often, anew for each counter', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[imageRotation(5, 1, i)]++;
    for (const count of counts) expect(Math.abs(count - 5000)).toBeLessThan(250);
    const draws = (counter: number) => Array.from({ length: 32 }, (_, i) => imageRotation(5, counter, i));
    expect(draws(2)).not.toEqual(draws(1));
    expect(draws(1)).toEqual(draws(1));
  });

  it('refuses images that are not square and a row outside the source, saying which', () => {
    const backend = createCpuBackend();
    const src = backend.createTensor(2 * 9, 'src');
    const index = backend.createIndexTensor(1, 'index');
    backend.writeIndices(index, Int32Array.from([2]));
    const [out, targets] = [backend.createTensor(9, 'out'), backend.createTensor(4, 'targets')];
    expect(() => backend.gatherRotated(src, SQUARE, index, 0, 1, out, targets, 1, 1)).toThrow(/index 2 at position 0 is outside the 2 source rows/);
    expect(() => backend.gatherRotated(src, { channels: 1, height: 3, width: 2 }, index, 0, 1, out, targets, 1, 1)).toThrow(/only square images/);
  });

  it('turns the rows of each parity case of 8 rows or more every way (so the cases check all four)', async () => {
    const cases = [...PRETEXT_CASES, ...PRETEXT_STACKED_CASES].filter((c) => c.name.startsWith('gatherRotated ') && Number(c.name.split(' ')[1]) >= 8);
    expect(cases.length).toBeGreaterThan(4);
    for (const testCase of cases) {
      const backend = createCpuBackend();
      const { t, ix } = place(backend, inputData(testCase), testCase);
      await testCase.run(backend, t, ix);
      const targets = await backend.read(t.targets);
      const [rows, models] = [Number(testCase.name.split(' ')[1]), testCase.models ?? 1];
      // Each model's slice of targets has room past its rows.
      const slice = targets.length / models;
      const turns = new Set<number>();
      for (let k = 0; k < models; k++) {
        for (let r = 0; r < rows; r++) turns.add(Array.from(targets.subarray(k * slice + 4 * r, k * slice + 4 * r + 4)).indexOf(1));
      }
      expect([...turns].sort(), testCase.name).toEqual([0, 1, 2, 3]);
    }
  });
});
