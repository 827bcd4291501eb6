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
  test('K=8 students train in the same dispatches per step as one: equal when fused, one more per layer otherwise', { timeout: 180_000 }, async () => {
    // epochs 4: three counted epochs a generation. Generation 0 trains on the 8 labelled rows
    // (one step of 16), generation 1 on them and the admitted pseudo-labels (a few steps).
    const config = smallConfig({ epochs: 4, gens: 1, dropout: 0.1, inoise: 0.1 });
    const fused = { ...config, hidden: [8] };
    const fusedOne = await epochDispatches({ ...fused, students: 1 });
    expect(fusedOne).toHaveLength(6);
    expect(await epochDispatches({ ...fused, students: 8 })).toEqual(fusedOne);
    // Hidden 40 is too wide to fuse: every step is its ops. Stacked, a dense layer's bias gradient
    // cannot share the weight gradient's dispatch (their bound slices of one buffer would meet):
    // one more dispatch per layer and step for any K > 1, the same for 2 students or 8.
    const wide = { ...config, hidden: [40] };
    const one = await epochDispatches({ ...wide, students: 1 });
    const two = await epochDispatches({ ...wide, students: 2 });
    const eight = await epochDispatches({ ...wide, students: 8 });
    expect(eight).toEqual(two);
    const layers = 2;
    const extra = eight.map((count, i) => count - one[i]);
    expect(extra.slice(0, 3)).toEqual([layers, layers, layers]);
    // Generation 1: the same number of steps each epoch, each with `layers` more dispatches.
    const steps = extra[3] / layers;
    expect(steps).toBeGreaterThan(1);
    expect(extra.slice(3)).toEqual([layers * steps, layers * steps, layers * steps]);
    expect(one.slice(3).every((count) => count === one[3])).toBe(true);
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
