import { describe, expect, it } from 'vitest';
import { EngineError, type ConvShape } from '../../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { referenceConv } from '../../../model/helpers/convReference.ts';
import { expectClose, seeded, tensorOf } from '../../helpers.ts';

const shape = (inChannels: number, outChannels: number, height: number, width: number, kernel = 3): ConvShape => ({ inChannels, outChannels, height, width, kernel });
/** Odd sizes, 1 and 3 channels, kernels 1, 3 and 5, a batch of 1 and of 3. */
const SHAPES: [number, ConvShape][] = [
  [1, shape(1, 1, 1, 1)],
  [3, shape(1, 2, 5, 7)],
  [1, shape(3, 4, 7, 5)],
  [3, shape(3, 3, 6, 6, 5)],
  [2, shape(2, 5, 4, 3, 1)],
];
const name = (rows: number, s: ConvShape) => `${rows}×${s.inChannels}×${s.height}×${s.width} → ${s.outChannels} channels, ${s.kernel}×${s.kernel}`;
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((sum, v, i) => sum + v * b[i], 0);

describe('conv2d (NCHW, stride 1, same padding)', () => {
  it.each(SHAPES.map(([rows, s]) => [name(rows, s), rows, s] as const))('matches the float64 definition: %s', async (_, rows, s) => {
    const backend = createCpuBackend();
    const x = seeded(rows * s.inChannels * s.height * s.width, 1);
    const w = seeded(s.outChannels * s.inChannels * s.kernel ** 2, 2);
    const b = seeded(s.outChannels, 3);
    const size = rows * s.outChannels * s.height * s.width;
    const out = tensorOf(backend, new Float32Array(size + 4).fill(9));
    backend.conv2d(tensorOf(backend, x), tensorOf(backend, w), tensorOf(backend, b), out, rows, s, 'relu');
    const expected = Array.from(referenceConv(x, w, b, rows, s), (z) => Math.max(z, 0));
    // The elements past the batch are untouched.
    expectClose(await backend.read(out), [...expected, 9, 9, 9, 9], 1e-5);
  });

  it('computes a hand-checked 3×3 case: a centre tap copies, an edge tap shifts in zeros', async () => {
    const backend = createCpuBackend();
    const x = tensorOf(backend, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Taps: centre 1, and the right neighbour (ky 1, kx 2) 10.
    const w = tensorOf(backend, [0, 0, 0, 0, 1, 10, 0, 0, 0]);
    const out = backend.createTensor(9, 'out');
    backend.conv2d(x, w, tensorOf(backend, [0.5]), out, 1, shape(1, 1, 3, 3), 'linear');
    expect(Array.from(await backend.read(out))).toEqual([21.5, 32.5, 3.5, 54.5, 65.5, 6.5, 87.5, 98.5, 9.5]);
  });

  it('input and weight gradients are the adjoints of the forward op', async () => {
    // For the linear map z = conv(x, w): <z, dy> = <x, dx> = <w, dw> + <b, db> with b's share Σ dy.
    for (const [rows, s] of SHAPES) {
      const backend = createCpuBackend();
      const x = seeded(rows * s.inChannels * s.height * s.width, 4);
      const w = seeded(s.outChannels * s.inChannels * s.kernel ** 2, 5);
      const b = seeded(s.outChannels, 6);
      const dy = seeded(rows * s.outChannels * s.height * s.width, 7);
      const zero = new Float32Array(s.outChannels);
      const z = referenceConv(x, w, zero, rows, s);
      const dx = backend.createTensor(x.length, 'dx');
      const dw = backend.createTensor(w.length, 'dw');
      const db = backend.createTensor(b.length, 'db');
      backend.conv2dInputGrad(tensorOf(backend, dy), tensorOf(backend, w), dx, rows, s);
      backend.conv2dWeightGrad(tensorOf(backend, x), tensorOf(backend, dy), dw, db, rows, s);
      const plane = s.height * s.width;
      const dySums = Array.from({ length: s.outChannels }, (_, o) => {
        let sum = 0;
        for (let r = 0; r < rows; r++) for (let p = 0; p < plane; p++) sum += dy[(r * s.outChannels + o) * plane + p];
        return sum;
      });
      const expected = dot(z, dy);
      const tolerance = 1e-4 * (1 + Math.abs(expected));
      expect(Math.abs(dot(x, await backend.read(dx)) - expected)).toBeLessThan(tolerance);
      expect(Math.abs(dot(w, await backend.read(dw)) - expected)).toBeLessThan(tolerance);
      expectClose(await backend.read(db), dySums, 1e-5);
    }
  });

  it('refuses an even or oversized kernel and tensors too small, with EngineError', () => {
    const backend = createCpuBackend();
    const t = (n: number) => backend.createTensor(n, 't');
    expect(() => backend.conv2d(t(9), t(4), t(1), t(9), 1, shape(1, 1, 3, 3, 2), 'relu')).toThrow(/odd/);
    expect(() => backend.conv2d(t(49), t(49), t(1), t(49), 1, shape(1, 1, 7, 7, 7), 'relu')).toThrow(EngineError);
    expect(() => backend.conv2d(t(8), t(9), t(1), t(9), 1, shape(1, 1, 3, 3), 'relu')).toThrow(/x holds 8/);
    expect(() => backend.conv2dWeightGrad(t(9), t(9), t(9), t(0), 1, shape(1, 1, 3, 3))).toThrow(/db holds 0/);
    expect(() => backend.conv2dInputGrad(t(9), t(9), t(9), 1, shape(0, 1, 3, 3))).toThrow(EngineError);
  });
});
