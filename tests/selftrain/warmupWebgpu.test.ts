import { create, globals } from 'webgpu';
import { expect, test } from 'vitest';
import { decodeLink } from '../../src/config/codec.ts';
import { loadImages } from '../../src/data/images/load.ts';
import { diskSource } from '../../src/data/images/node/diskSource.ts';
import { imageRequest } from '../../src/data/images/split.ts';
import { createBackend } from '../../src/host/backendChoice.ts';
import type { ExperimentEvent, ExperimentResult } from '../../src/selftrain/events.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';
import { nodeGpu } from '../engine/webgpu/nodeGpu.ts';

Object.assign(globalThis, globals);

/** Both warm-ups, whole runs on WebGPU (Dawn in Node) against the CPU backend: the new ops inside training, not only alone. */
const MOONS = 'v=1&data=moons&labels=18&pool=300&test=500&hidden=8,8&epochs=15&gens=1&seed=4&pretrain=denoise&pepochs=4&pnoise=0.3';
const CNN = 'v=1&data=mnist&labels=100&pool=300&test=200&model=cnn&filters=4,8&hidden=16&dropout=0&inoise=0&shift=0&lr=0.003&epochs=3&gens=1&k=10&seed=7&pretrain=rotate&pepochs=2';

async function runOn(choice: 'cpu' | 'webgpu', link: string): Promise<{ result: ExperimentResult; events: ExperimentEvent[] }> {
  const config = { ...decodeLink(link).config, backend: choice };
  const images = config.data === 'mnist' ? await loadImages(imageRequest(config), diskSource()) : undefined;
  const chosen = await createBackend(choice, { gpu: choice === 'webgpu' ? (create([]) as GPU) : null });
  const events: ExperimentEvent[] = [];
  try {
    return { result: await runExperiment(config, chosen.backend, { images, gridSize: 20, onEvent: (event) => events.push(event) }), events };
  } finally {
    chosen.dispose();
  }
}

for (const [name, link] of [['denoise on two moons', MOONS], ['rotate on MNIST', CNN]] as const) {
  test(`the ${name} warm-up on WebGPU matches the CPU: its losses, its samples and the generations within a point`, { timeout: 180_000 }, async () => {
    // No adapter is a failure with the reason and the fix, never a skip.
    (await nodeGpu()).device.destroy();
    const cpu = await runOn('cpu', link);
    const gpu = await runOn('webgpu', link);
    expect(gpu.result.backend).toBe('webgpu');
    const [cpuLoss, gpuLoss] = [cpu.result.warmup?.loss ?? [], gpu.result.warmup?.loss ?? []];
    expect(gpuLoss).toHaveLength(cpuLoss.length);
    expect(cpuLoss.length).toBeGreaterThan(0);
    gpuLoss.forEach((loss, epoch) => expect(Math.abs(loss - cpuLoss[epoch]) / cpuLoss[epoch], `epoch ${epoch + 1}`).toBeLessThan(1e-3));
    const samples = (events: ExperimentEvent[]) => events.find((event) => event.type === 'warmup-done');
    const [cpuDone, gpuDone] = [samples(cpu.events), samples(gpu.events)];
    if (cpuDone?.type !== 'warmup-done' || gpuDone?.type !== 'warmup-done') throw new Error('no warm-up result');
    if (!cpuDone.samples || !gpuDone.samples) throw new Error('no warm-up samples');
    expect(gpuDone.samples.inputs).toEqual(cpuDone.samples.inputs);
    gpuDone.samples.outputs.forEach((value, i) => expect(Math.abs(value - cpuDone.samples!.outputs[i]), `output ${i}`).toBeLessThan(1e-3));
    for (const [g, expected] of cpu.result.generations.entries()) {
      expect(Math.abs(gpu.result.generations[g].testAccuracy - expected.testAccuracy), `generation ${g}`).toBeLessThanOrEqual(0.01);
    }
  });
}
