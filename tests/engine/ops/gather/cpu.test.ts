import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../../src/engine/backends/cpu.ts';
import { tensorOf } from '../../helpers.ts';

describe('gather', () => {
  const src = [0, 1, 10, 11, 20, 21, 30, 31];

  it('copies rows through the index tensor from an offset, leaving later rows of out alone', async () => {
    const backend = createCpuBackend();
    const index = backend.createIndexTensor(5, 'order');
    backend.writeIndices(index, Int32Array.from([9, 3, 0, 2, 9]));
    const out = tensorOf(backend, new Float32Array(8).fill(-1));
    backend.gather(tensorOf(backend, src), 2, index, 1, 3, out);
    expect(Array.from(await backend.read(out))).toEqual([30, 31, 0, 1, 20, 21, -1, -1]);
  });

  it('gathers single values (the weights) with dim 1', async () => {
    const backend = createCpuBackend();
    const index = backend.createIndexTensor(3, 'order');
    backend.writeIndices(index, Int32Array.from([7, 0, 4]));
    const out = backend.createTensor(3, 'out');
    backend.gather(tensorOf(backend, src), 1, index, 0, 3, out);
    expect(Array.from(await backend.read(out))).toEqual([31, 0, 20]);
  });

  it('throws on an index outside the source', () => {
    const backend = createCpuBackend();
    const index = backend.createIndexTensor(1, 'order');
    backend.writeIndices(index, Int32Array.from([4]));
    expect(() => backend.gather(tensorOf(backend, src), 2, index, 0, 1, backend.createTensor(2, 'out'))).toThrow(EngineError);
  });
});
