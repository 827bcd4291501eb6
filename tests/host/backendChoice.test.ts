import { create, globals } from 'webgpu';
import { afterEach, describe, expect, test } from 'vitest';
import { WASM_THREADS_NOTE } from '../../src/engine/backends/wasm.ts';
import { WEBGPU_BROWSERS } from '../../src/engine/backends/webgpu.ts';
import { createBackend, type ChosenBackend } from '../../src/host/backendChoice.ts';
import { experimentSize, GPU_CROSSOVER_WORK, WASM_CROSSOVER_WORK, wasmWorkOf, workOf } from '../../src/host/backendCrossover.ts';

Object.assign(globalThis, globals);

/** Dawn's entry point; `npm test` sets the variables that give it SwiftShader. */
const dawn = () => create([]) as GPU;

/** A GPU entry point that must not be asked (auto below the crossover never loads a device). */
const untouchable = { requestAdapter: () => Promise.reject(new Error('requestAdapter must not be called')) } as unknown as GPU;

/** A GPU with no adapter: WebGPU present, no usable GPU. */
const noAdapter = { requestAdapter: async () => null } as unknown as GPU;

/** Dawn's adapter dressed as a hardware one, to see auto take the GPU above the crossover. */
function asHardware(gpu: GPU): GPU {
  const dress = (adapter: GPUAdapter) =>
    new Proxy(adapter, {
      get(target, key) {
        if (key === 'info') return { vendor: 'acme', architecture: 'rdna9', description: 'Acme R9000', device: '', isFallbackAdapter: false };
        if (key === 'isFallbackAdapter') return false;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { requestAdapter: async (options?: GPURequestAdapterOptions) => dress((await gpu.requestAdapter(options))!) } as unknown as GPU;
}

const SMALL = experimentSize({ hidden: [8, 8], classes: 2, batch: 16 });
const TINY = experimentSize({ hidden: [8], classes: 2, batch: 16 });
const LARGE = experimentSize({ hidden: [128, 128], classes: 2, batch: 64 });

let chosen: ChosenBackend | null = null;
afterEach(() => {
  chosen?.dispose();
  chosen = null;
});

describe('createBackend', () => {
  test('cpu gives the CPU backend and says the link asked for it', async () => {
    chosen = await createBackend('cpu', { gpu: untouchable, size: LARGE });
    expect(chosen.backend.info.kind).toBe('cpu');
    expect(chosen.note).toMatch(/^CPU: .*backend=cpu/);
    expect(chosen.backend.info.reason).toBe(chosen.note);
  });

  test('wasm gives the WebAssembly backend, asks for no GPU, and says the link asked for it', async () => {
    chosen = await createBackend('wasm', { gpu: untouchable, size: LARGE });
    expect(chosen.backend.info.kind).toBe('wasm');
    expect(chosen.gpu).toBe(null);
    expect(chosen.note).toMatch(/^WebAssembly SIMD: .*backend=wasm/);
    expect(chosen.note.endsWith(` ${WASM_THREADS_NOTE}`)).toBe(true);
    expect(chosen.backend.info.reason).toBe(chosen.note);
  });

  test('the crossover: the presets are below it, a 2-128-128-2 MLP at batch 64 above it', () => {
    expect(SMALL.parameters).toBe(2 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2);
    expect(workOf(SMALL)).toBeLessThan(GPU_CROSSOVER_WORK);
    expect(workOf(LARGE)).toBeGreaterThanOrEqual(GPU_CROSSOVER_WORK);
  });

  test('sizes image models from 784 inputs, and a CNN never below the crossover', () => {
    const mlp = experimentSize({ data: 'mnist', model: 'mlp', hidden: [128], classes: 10, batch: 1 });
    expect(mlp.parameters).toBe(784 * 128 + 128 + 128 * 10 + 10);
    const cnn = experimentSize({ data: 'mnist', model: 'cnn', filters: [8, 16], hidden: [8], classes: 10, batch: 1 });
    // conv 1→8 and 8→16 (3×3, with biases), then 16×7×7 → 8 → 10.
    expect(cnn.parameters).toBe(8 * 9 + 8 + 16 * 8 * 9 + 16 + 784 * 8 + 8 + 8 * 10 + 10);
    expect(workOf(cnn)).toBe(GPU_CROSSOVER_WORK);
    // On 2-D data model=cnn cannot run (validation makes it mlp): it is sized as the MLP.
    expect(experimentSize({ data: 'moons', model: 'cnn', hidden: [8, 8], classes: 2, batch: 16 })).toEqual(SMALL);
  });

  test("a population's students count as models: their work adds up", () => {
    const population = experimentSize({ data: 'moons', hidden: [8, 8], classes: 2, batch: 16, students: 16 });
    expect(population).toEqual({ ...SMALL, models: 16 });
    expect(workOf(population)).toBe(16 * workOf(SMALL));
    const wide = experimentSize({ data: 'moons', hidden: [32, 32], classes: 2, batch: 32, students: 8 });
    expect(workOf({ ...wide, models: 1 })).toBeLessThan(GPU_CROSSOVER_WORK);
    expect(workOf(wide)).toBeGreaterThanOrEqual(GPU_CROSSOVER_WORK);
  });

  test('multiply-adds: every dense weight once per example, every conv weight once per output pixel', () => {
    expect(SMALL.multiplyAdds).toBe(2 * 8 + 8 * 8 + 8 * 2);
    expect(wasmWorkOf(SMALL)).toBe(96 * 16);
    expect(experimentSize({ data: 'mnist', model: 'mlp', hidden: [128], classes: 10, batch: 128 }).multiplyAdds).toBe(784 * 128 + 128 * 10);
    const cnn = experimentSize({ data: 'mnist', model: 'cnn', filters: [8, 16], hidden: [], classes: 10, batch: 64 });
    // conv 1→8 on 28×28, pool, conv 8→16 on 14×14, pool, then 16×7×7 → 10.
    expect(cnn.multiplyAdds).toBe(28 * 28 * 8 * 9 + 14 * 14 * 8 * 16 * 9 + 16 * 7 * 7 * 10);
    expect(wasmWorkOf({ ...SMALL, models: 8 })).toBe(8 * wasmWorkOf(SMALL));
  });

  test('auto below both crossovers runs on JavaScript without asking for a GPU, naming the model and both crossovers', async () => {
    expect(wasmWorkOf(TINY)).toBeLessThan(WASM_CROSSOVER_WORK);
    chosen = await createBackend('auto', { gpu: untouchable, size: TINY });
    expect(chosen.backend.info.kind).toBe('cpu');
    expect(chosen.note).toBe(
      'CPU: a 2-8-2 MLP (42 parameters × batch 16 = 672) is below the GPU crossover (parameters × batch × models ≥ 150,000); ' +
        'its 512 multiply-adds a step are below the WebAssembly crossover (multiply-adds a step ≥ 1,000), where JavaScript is faster.',
    );
  });

  test('auto below the GPU crossover but above the WebAssembly one (the 2-8-8-2 presets) runs on WebAssembly and says why', async () => {
    chosen = await createBackend('auto', { gpu: untouchable, size: SMALL });
    expect(chosen.backend.info.kind).toBe('wasm');
    expect(chosen.gpu).toBe(null);
    expect(chosen.note).toBe(
      'WebAssembly SIMD: a 2-8-8-2 MLP (114 parameters × batch 16 = 1,824) is below the GPU crossover (parameters × batch × models ≥ 150,000); ' +
        'its 1,536 multiply-adds a step are above the WebAssembly crossover (multiply-adds a step ≥ 1,000), where WebAssembly beats JavaScript. ' +
        WASM_THREADS_NOTE,
    );
    expect(chosen.backend.info.reason).toBe(chosen.note);
  });

  test('auto where WebAssembly is not available runs on JavaScript, with no error, and says so', async () => {
    chosen = await createBackend('auto', { gpu: untouchable, size: SMALL, wasm: false });
    expect(chosen.backend.info.kind).toBe('cpu');
    expect(chosen.note).toMatch(/^CPU: a 2-8-8-2 MLP .* are above the WebAssembly crossover .*, but WebAssembly is not available here\.$/);
  });

  test('auto for the MNIST models (784-128-10 and the CNN) without a GPU runs on WebAssembly', async () => {
    const sizes = [
      experimentSize({ data: 'mnist', model: 'mlp', hidden: [128], classes: 10, batch: 128 }),
      experimentSize({ data: 'mnist', model: 'cnn', filters: [8, 16], hidden: [32], classes: 10, batch: 32 }),
    ];
    for (const size of sizes) {
      chosen?.dispose();
      chosen = await createBackend('auto', { gpu: null, size });
      expect(chosen.backend.info.kind).toBe('wasm');
      expect(chosen.note).toMatch(/^WebAssembly SIMD: .* is above the GPU crossover .*, but no WebGPU here\. .*; its [\d,]+ multiply-adds a step are above the WebAssembly crossover/);
      expect(chosen.note).toContain(WEBGPU_BROWSERS.replace(/\.$/, ''));
    }
  });

  test('auto above the crossover takes a hardware GPU', async () => {
    chosen = await createBackend('auto', { gpu: asHardware(dawn()), size: LARGE });
    expect(chosen.backend.info.kind).toBe('webgpu');
    expect(chosen.backend.info.adapter).toBe('acme rdna9 (hardware)');
    expect(chosen.note).toMatch(/^WebGPU on acme rdna9 \(hardware\): a 2-128-128-2 MLP .* is above the GPU crossover/);
  });

  test('auto above the crossover never takes a software adapter (SwiftShader is slower than the CPU at every size measured): WebAssembly runs it', async () => {
    chosen = await createBackend('auto', { gpu: dawn(), size: LARGE });
    expect(chosen.backend.info.kind).toBe('wasm');
    expect(chosen.note).toMatch(/^WebAssembly SIMD: .* above the GPU crossover .*, but the only GPU adapter is .*\(software\), slower than the CPU; its [\d,]+ multiply-adds a step are above/);
  });

  test('auto above the crossover with no WebGPU and no WebAssembly falls back to JavaScript and says which browsers have WebGPU', async () => {
    chosen = await createBackend('auto', { gpu: null, size: LARGE, wasm: false });
    expect(chosen.backend.info.kind).toBe('cpu');
    expect(chosen.note).toContain(WEBGPU_BROWSERS.replace(/\.$/, ''));
    expect(chosen.note).toMatch(/WebAssembly is not available here\.$/);
  });

  test('webgpu runs on the GPU it is given, even a software one, and says so', async () => {
    chosen = await createBackend('webgpu', { gpu: dawn(), size: SMALL });
    expect(chosen.backend.info.kind).toBe('webgpu');
    expect(chosen.gpu).not.toBeNull();
    expect(chosen.note).toMatch(/^WebGPU on .*: the link asks for it \(backend=webgpu\)\./);
    if (chosen.gpu!.description.software) expect(chosen.note).toMatch(/software adapter, slower than the CPU/);
  });

  test('webgpu without an adapter (NoGpuError) falls back to the CPU with a note saying why and where WebGPU runs', async () => {
    chosen = await createBackend('webgpu', { gpu: noAdapter, size: SMALL });
    expect(chosen.backend.info.kind).toBe('cpu');
    expect(chosen.gpu).toBeNull();
    expect(chosen.note).toMatch(/^CPU: backend=webgpu was asked for, but WebGPU is present but found no usable GPU adapter/);
    expect(chosen.note).toContain(WEBGPU_BROWSERS);
    expect(chosen.backend.info.reason).toBe(chosen.note);
  });

  test('webgpu where the page has no navigator.gpu falls back to the CPU with the note', async () => {
    chosen = await createBackend('webgpu', { gpu: null });
    expect(chosen.backend.info.kind).toBe('cpu');
    expect(chosen.note).toContain(WEBGPU_BROWSERS);
  });
});
