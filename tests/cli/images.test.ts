import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { decodeLink } from '../../src/config/codec.ts';
import { loadImages } from '../../src/data/images/load.ts';
import { diskSource } from '../../src/data/images/node/diskSource.ts';
import { imageRequest } from '../../src/data/images/split.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';

const LINK = 'v=1&data=mnist&labels=20&pool=300&test=200&hidden=32&act=relu&dropout=0&inoise=0&lr=0.003&batch=10&epochs=30&gens=2&select=balanced&k=10&seed=3&backend=cpu&labeler=engine';

test('the CLI runs an MNIST experiment from a link, with the numbers runExperiment gives in-process on the same images', async () => {
  const run = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', `#${LINK}`, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(run.stderr).not.toMatch(/note:|failed/);
  expect(run.status).toBe(0);
  const json = JSON.parse(run.stdout);
  expect(json.testSize).toBe(200);
  expect(json.config).toMatchObject({ data: 'mnist', classes: 10, labels: 20, pool: 300 });
  expect(json.generations).toHaveLength(3);
  // Twenty labels already beat chance (10%) by far on MNIST.
  expect(json.baseline.testAccuracy).toBeGreaterThan(0.4);
  expect(json.oracle.testAccuracy).toBeGreaterThan(json.baseline.testAccuracy);
  expect(json.generations[1].pseudoLabels).toBe(100);

  const { config } = decodeLink(LINK);
  const images = await loadImages(imageRequest(config), diskSource());
  const backend = createCpuBackend();
  try {
    const result = await runExperiment(config, backend, { images });
    expect(json.baseline).toEqual(result.baseline);
    expect(json.oracle).toEqual(result.oracle);
    expect(json.generations.map((g: { testAccuracy: number }) => g.testAccuracy)).toEqual(result.generations.map((g) => g.testAccuracy));
  } finally {
    backend.dispose();
  }
});

test('runExperiment refuses an image experiment whose images were not loaded, saying what to do', async () => {
  const backend = createCpuBackend();
  try {
    await expect(runExperiment(decodeLink(LINK).config, backend)).rejects.toThrow(/needs its images loaded first/);
  } finally {
    backend.dispose();
  }
});
