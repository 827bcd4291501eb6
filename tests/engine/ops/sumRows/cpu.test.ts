import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { tensorOf } from '../../helpers.ts';

describe('sumRows', () => {
  it('sums the first rows of each column, overwriting or accumulating', async () => {
    const backend = createCpuBackend();
    const x = tensorOf(backend, [1, 2, 3, 10, 20, 30, 100, 200, 300]);
    const out = tensorOf(backend, [5, 5, 5, 7]);
    backend.sumRows(x, 2, 3, out, false);
    expect(Array.from(await backend.read(out))).toEqual([11, 22, 33, 7]);
    backend.sumRows(x, 3, 3, out, true);
    expect(Array.from(await backend.read(out))).toEqual([122, 244, 366, 7]);
  });
});
