import { create, globals } from 'webgpu';
import { describe, expect, test } from 'vitest';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createWebGpuBackend, type WebGpuBackend } from '../../src/engine/backends/webgpu.ts';
import { createBackend } from '../../src/host/backendChoice.ts';
import type { ExperimentResult } from '../../src/selftrain/events.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';
import { nodeGpu } from '../engine/webgpu/nodeGpu.ts';
import { smallConfig } from './fixtures.ts';

Object.assign(globalThis, globals);

/**
 * The dispatches of each training epoch of the generations (not the oracle's): the counter's
 * rise from one epoch checkpoint to the next within a generation (its first epoch is left out).
 */
async function epochDispatches(config: ExperimentConfig): Promise<number[]> {
  const gpu = await nodeGpu();
  const backend: WebGpuBackend = createWebGpuBackend(gpu.device, gpu.description, 'tests');
  const perEpoch: number[] = [];
  let last: number | null = null;
  let counting = false;
  try {
    await runExperiment(config, backend, {
      onEvent: (event) => {
        // A generation's epochs only: the oracle, which trains between generation 0 and 1, sends no 'epoch' event.
        if (event.type === 'epoch') counting = true;
        if (event.type === 'generation') {
          last = null;
          counting = false;
        }
      },
      checkpoint: async (at) => {
        if (at !== 'epoch' || !counting) return;
        const now = backend.counters.dispatches;
        if (last !== null) perEpoch.push(now - last);
        last = now;
      },
    });
  } finally {
    backend.dispose();
    gpu.device.destroy();
  }
  return perEpoch;
}

describe('a population on WebGPU (Dawn in Node)', () => {
  test('K=8 students train in the same dispatches per step as one, fused or not', { timeout: 180_000 }, async () => {
    // epochs 4: three counted epochs a generation. Generation 0 trains on the 8 labelled rows
    // (one step of 16), generation 1 on them and the admitted pseudo-labels (a few steps).
    const config = smallConfig({ epochs: 4, gens: 1, dropout: 0.1, inoise: 0.1 });
    const fused = { ...config, hidden: [8] };
    const fusedOne = await epochDispatches({ ...fused, students: 1 });
    expect(fusedOne).toHaveLength(6);
    expect(await epochDispatches({ ...fused, students: 8 })).toEqual(fusedOne);
    // Hidden 40 is too wide to fuse: every step is its ops, the same for 1, 2 or 8 students.
    const wide = { ...config, hidden: [40] };
    const one = await epochDispatches({ ...wide, students: 1 });
    expect(await epochDispatches({ ...wide, students: 2 })).toEqual(one);
    expect(await epochDispatches({ ...wide, students: 8 })).toEqual(one);
    // Generation 1 takes more steps than generation 0's one, so its epochs dispatch more.
    expect(one[3]).toBeGreaterThan(one[0]);
  });

  test('K=4 on WebGPU matches the CPU student by student, within 1.5 points, and picks the same teachers', { timeout: 180_000 }, async () => {
    const config = smallConfig({ students: 4, epochs: 20, gens: 2 });
    const runOn = async (choice: 'cpu' | 'webgpu'): Promise<ExperimentResult> => {
      const chosen = choice === 'cpu' ? { backend: createCpuBackend(), dispose() {} } : await createBackend('webgpu', { gpu: create([]) as GPU });
      try {
        return await runExperiment({ ...config, backend: choice }, chosen.backend);
      } finally {
        if (choice === 'cpu') chosen.backend.dispose();
        chosen.dispose();
      }
    };
    const cpu = await runOn('cpu');
    const gpu = await runOn('webgpu');
    expect(gpu.backend).toBe('webgpu');
    expect(gpu.generations.length).toBe(cpu.generations.length);
    for (const [g, expected] of cpu.generations.entries()) {
      const students = gpu.generations[g].students!;
      expect(students.best, `generation ${g}`).toBe(expected.students!.best);
      for (const [k, accuracy] of expected.students!.testAccuracy.entries()) {
        expect(Math.abs(students.testAccuracy[k]! - accuracy!) * 100, `generation ${g}, student ${k}`).toBeLessThanOrEqual(1.5);
      }
    }
  });
});
