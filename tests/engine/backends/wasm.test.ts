import { describe, expect, it } from 'vitest';
import { EngineError, VIEW_ALIGN, type Tensor } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm.ts';
import { OPS } from '../../../src/engine/ops/registry.ts';

describe('WebAssembly backend tensors', () => {
  it('describes itself', () => {
    expect(createWasmBackend().info).toMatchObject({ kind: 'wasm', adapter: 'CPU (WebAssembly SIMD)' });
    expect(createWasmBackend('chosen by the link').info.reason).toBe('chosen by the link');
  });

  it('runs the kernels the registry lists, and the CPU reference for the other ops', () => {
    const wasm = createWasmBackend();
    expect(wasm.matmul).not.toBe(OPS.matmul.cpu);
    expect(wasm.sumRows).not.toBe(OPS.sumRows.cpu);
    expect(wasm.softmax).toBe(OPS.softmax.cpu);
    expect(wasm.denseSteps).toBeUndefined();
  });

  it('shares memory between a tensor and its aligned views', async () => {
    const backend = createWasmBackend();
    const flat = backend.createTensor(3 * VIEW_ALIGN, 'flat');
    const view = backend.view(flat, VIEW_ALIGN, 2, 'view');
    backend.write(view, Float32Array.from([4, 5]));
    backend.fill(backend.view(flat, 2 * VIEW_ALIGN, VIEW_ALIGN, 'tail'), 1);
    const all = await backend.read(flat);
    expect([all[VIEW_ALIGN - 1], all[VIEW_ALIGN], all[VIEW_ALIGN + 1], all[2 * VIEW_ALIGN - 1], all[2 * VIEW_ALIGN]]).toEqual([0, 4, 5, 0, 1]);
  });

  it('keeps tensors and views usable when the memory grows under them', async () => {
    const backend = createWasmBackend();
    const a = backend.createTensor(2 * VIEW_ALIGN, 'a', 2);
    const view = backend.view(a, VIEW_ALIGN, 4, 'view');
    backend.write(a, Float32Array.from({ length: 4 * VIEW_ALIGN }, (_, i) => i));
    const before = backend.memoryBytes;
    const big = backend.createTensor(before, 'big');
    expect(backend.memoryBytes).toBeGreaterThan(before);
    const sums = backend.createTensor(4, 'sums', 2);
    backend.sumRows(view, 1, 4, sums, false);
    expect(Array.from(await backend.read(sums))).toEqual([64, 65, 66, 67, 192, 193, 194, 195]);
    backend.fill(view, 2);
    expect((await backend.read(a))[VIEW_ALIGN]).toBe(2);
    backend.destroy(big);
  });

  it('reuses destroyed blocks, zeroed, and frees each block once', async () => {
    const backend = createWasmBackend();
    const first = backend.createTensor(100, 'first');
    backend.fill(first, 7);
    backend.destroy(first);
    backend.destroy(first);
    expect(backend.liveBytes).toBe(0);
    const second = backend.createTensor(50, 'second');
    const third = backend.createTensor(50, 'third');
    expect(Array.from(await backend.read(second))).toEqual(new Array(50).fill(0));
    backend.destroy(first);
    expect(backend.liveBytes).toBeGreaterThan(0);
    [second, third].forEach((t) => backend.destroy(t));
    expect(backend.liveBytes).toBe(0);
  });

  it('frees on dispose what a backend still holds, and nothing of another backend beside it (they may share the threads\' memory)', async () => {
    const [kept, disposed] = [createWasmBackend(), createWasmBackend()];
    const mine = kept.createTensor(100, 'mine');
    kept.fill(mine, 3);
    disposed.createTensor(100, 'left');
    disposed.dispose();
    expect(disposed.liveBytes).toBe(0);
    const reused = disposed.createTensor(100, 'reused');
    expect(Array.from(await disposed.read(reused))).toEqual(new Array(100).fill(0));
    expect(Array.from(await kept.read(mine))).toEqual(new Array(100).fill(3));
    kept.destroy(mine);
    disposed.destroy(reused);
    expect([kept.liveBytes, disposed.liveBytes]).toEqual([0, 0]);
  });

  it('refuses misaligned views, overlapping outputs and other backends\' tensors, with EngineError', () => {
    const backend = createWasmBackend();
    const flat = backend.createTensor(2 * VIEW_ALIGN, 'flat');
    expect(() => backend.view(flat, 3, 2, 'bad')).toThrow(EngineError);
    expect(() => backend.view(flat, VIEW_ALIGN, VIEW_ALIGN + 1, 'bad')).toThrow(EngineError);
    expect(() => backend.matmul(flat, flat, backend.view(flat, VIEW_ALIGN, 4, 'out'), 2, 2, 2, 'nn', false)).toThrow(EngineError);
    expect(() => backend.matmul(flat, flat, backend.createTensor(3, 'small'), 2, 2, 2, 'nn', false)).toThrow(EngineError);
    const foreign: Tensor = createCpuBackend().createTensor(4, 'cpu');
    expect(() => backend.sumRows(foreign, 1, 4, flat, false)).toThrow(EngineError);
    expect(() => backend.createTensor(-1, 'bad')).toThrow(EngineError);
    const order = backend.createIndexTensor(1, 'order');
    backend.writeIndices(order, Int32Array.from([2]));
    expect(() => backend.gather(flat, VIEW_ALIGN, order, 0, 1, backend.createTensor(VIEW_ALIGN, 'row'))).toThrow(/index 2 at position 0 is outside the 2 source rows/);
  });
});
