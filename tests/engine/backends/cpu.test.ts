import { describe, expect, it } from 'vitest';
import { EngineError, VIEW_ALIGN, type Tensor } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';

describe('CPU backend tensors', () => {
  it('describes itself', () => {
    expect(createCpuBackend().info).toMatchObject({ kind: 'cpu', adapter: 'CPU (JavaScript)' });
    expect(createCpuBackend('chosen by the link').info.reason).toBe('chosen by the link');
  });

  it('shares storage between a tensor and its aligned views', async () => {
    const backend = createCpuBackend();
    const flat = backend.createTensor(3 * VIEW_ALIGN, 'flat');
    const view = backend.view(flat, VIEW_ALIGN, 2, 'view');
    backend.write(view, Float32Array.from([4, 5]));
    backend.fill(backend.view(flat, 2 * VIEW_ALIGN, VIEW_ALIGN, 'tail'), 1);
    const all = await backend.read(flat);
    expect([all[VIEW_ALIGN - 1], all[VIEW_ALIGN], all[VIEW_ALIGN + 1], all[2 * VIEW_ALIGN - 1], all[2 * VIEW_ALIGN]]).toEqual([0, 4, 5, 0, 1]);
    expect(Array.from(await backend.read(flat, 2))).toEqual([0, 0]);
  });

  it('reads a copy, not the live storage', async () => {
    const backend = createCpuBackend();
    const tensor = backend.createTensor(2, 't');
    const before = await backend.read(tensor);
    backend.fill(tensor, 3);
    expect(Array.from(before)).toEqual([0, 0]);
  });

  it('refuses misaligned or oversized views and foreign tensors, with EngineError', () => {
    const backend = createCpuBackend();
    const flat = backend.createTensor(2 * VIEW_ALIGN, 'flat');
    expect(() => backend.view(flat, 3, 2, 'bad')).toThrow(EngineError);
    expect(() => backend.view(flat, VIEW_ALIGN, VIEW_ALIGN + 1, 'bad')).toThrow(EngineError);
    const foreign: Tensor = { size: 4, dtype: 'f32', models: 1 };
    expect(() => backend.fill(foreign, 0)).toThrow(EngineError);
    expect(() => backend.createTensor(-1, 'bad')).toThrow(EngineError);
  });
});
