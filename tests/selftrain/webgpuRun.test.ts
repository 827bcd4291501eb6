import { create, globals } from 'webgpu';
import { expect, test } from 'vitest';
import { decodeLink } from '../../src/config/codec.ts';
import { PRESETS } from '../../src/config/presets.ts';
import { createBackend } from '../../src/host/backendChoice.ts';
import type { ExperimentResult } from '../../src/selftrain/events.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';
import { nodeGpu } from '../engine/webgpu/nodeGpu.ts';

Object.assign(globalThis, globals);

/**
 * The two-moons gain preset, whole (oracle, baseline, generation 0 and self-training with soft
 * labels, input noise and dropout), cut to 2 generations of 25 epochs over a 300-point pool so
 * SwiftShader runs it in seconds (the whole preset takes about a minute there).
 */
const MOONS = PRESETS.find((preset) => preset.name === 'Two moons from 18 labels')!;

async function runOn(choice: 'cpu' | 'webgpu'): Promise<ExperimentResult> {
  const config = { ...decodeLink(MOONS.link).config, pool: 300, epochs: 25, gens: 2, backend: choice };
  const chosen = await createBackend(choice, { gpu: choice === 'webgpu' ? (create([]) as GPU) : null });
  try {
    return await runExperiment(config, chosen.backend);
  } finally {
    chosen.dispose();
  }
}

test('a whole preset run on WebGPU (Dawn in Node) matches the CPU backend, generation by generation, within 1 point', { timeout: 180_000 }, async () => {
  // No adapter is a failure with the reason and the fix, never a skip.
  (await nodeGpu()).device.destroy();
  const cpu = await runOn('cpu');
  const gpu = await runOn('webgpu');
  expect(gpu.backend).toBe('webgpu');
  expect(gpu.adapter).toMatch(/\((software|hardware)\)$/);
  expect(gpu.generations.length).toBe(cpu.generations.length);
  expect(gpu.generations.length).toBeGreaterThanOrEqual(2);
  const points = (fraction: number) => fraction * 100;
  for (const [g, expected] of cpu.generations.entries()) {
    expect(Math.abs(points(gpu.generations[g].testAccuracy) - points(expected.testAccuracy)), `generation ${g}`).toBeLessThanOrEqual(1);
  }
  expect(Math.abs(points(gpu.baseline.testAccuracy) - points(cpu.baseline.testAccuracy))).toBeLessThanOrEqual(1);
  expect(Math.abs(points(gpu.oracle.testAccuracy) - points(cpu.oracle.testAccuracy))).toBeLessThanOrEqual(1);
});
