import { describe, expect, it } from 'vitest';
import type { Transpose } from '../../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { expectClose, seeded, tensorOf } from '../../helpers.ts';

/** float64 op(a)·op(b) from the stored layouts of Backend.matmul. */
function reference(a: Float32Array, b: Float32Array, m: number, k: number, n: number, transpose: Transpose): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        const left = transpose === 'tn' ? a[p * m + i] : a[i * k + p];
        const right = transpose === 'nt' ? b[j * k + p] : b[p * n + j];
        sum += left * right;
      }
      out[i * n + j] = sum;
    }
  }
  return out;
}

describe('matmul', () => {
  const shapes: [number, number, number][] = [[1, 1, 1], [3, 17, 5], [17, 3, 65], [65, 33, 2]];
  for (const transpose of ['nn', 'nt', 'tn'] as const) {
    for (const [m, k, n] of shapes) {
      it(`${transpose} ${m}×${k}×${n}`, async () => {
        const backend = createCpuBackend();
        const a = seeded(m * k, 1);
        const b = seeded(k * n, 2);
        // Stale values in out must be overwritten, and out's tail beyond m×n left alone.
        const out = tensorOf(backend, new Float32Array(m * n + 3).fill(9));
        backend.matmul(tensorOf(backend, a), tensorOf(backend, b), out, m, k, n, transpose, false);
        const result = await backend.read(out);
        expectClose(result.subarray(0, m * n), reference(a, b, m, k, n, transpose), 1e-5);
        expect(Array.from(result.subarray(m * n))).toEqual([9, 9, 9]);
      });
    }
  }

  it('accumulates into out when asked', async () => {
    const backend = createCpuBackend();
    const [m, k, n] = [4, 6, 3];
    const a = seeded(m * k, 3);
    const b = seeded(k * n, 4);
    const start = seeded(m * n, 5);
    const out = tensorOf(backend, start);
    backend.matmul(tensorOf(backend, a), tensorOf(backend, b), out, m, k, n, 'tn', true);
    const product = reference(a, b, m, k, n, 'tn');
    expectClose(await backend.read(out), product.map((value, i) => value + start[i]), 1e-5);
  });
});
