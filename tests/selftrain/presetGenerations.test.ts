import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { decodeLink } from '../../src/config/codec.ts';
import { PRESETS } from '../../src/config/presets.ts';
import { loadImages } from '../../src/data/images/load.ts';
import { diskSource } from '../../src/data/images/node/diskSource.ts';
import { imageRequest } from '../../src/data/images/split.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { runExperiment } from '../../src/selftrain/runExperiment.ts';

/**
 * Every preset's per-generation numbers on the CPU backend, bit for bit, against a record made
 * before the engine, data and host were restructured (issue 14): a restructuring that changes
 * a number fails here. Image presets run shrunk (a smaller pool and test set, fewer epochs and
 * generations) so the check takes seconds; the 2-D presets run as they are.
 * `RECORD_GENERATIONS=1 npx vitest run tests/selftrain/presetGenerations.test.ts` rewrites the record.
 */
const RECORD = new URL('./presetGenerations.json', import.meta.url);
const IMAGE_SHRINK = { pool: '400', test: '300', epochs: '2', gens: '2', k: '20' };

function linkOf(preset: (typeof PRESETS)[number]): string {
  const params = new URLSearchParams(preset.link);
  const shrink = preset.dataset === 'mnist' || preset.dataset === 'fashion' ? IMAGE_SHRINK : {};
  for (const [key, value] of Object.entries({ ...shrink, backend: 'cpu', labeler: 'engine' })) params.set(key, value);
  return params.toString().replaceAll('%2C', ',');
}

async function measure(link: string) {
  const { config, notes } = decodeLink(link);
  expect(notes).toEqual([]);
  const images = config.data === 'mnist' || config.data === 'fashion' ? await loadImages(imageRequest(config), diskSource()) : undefined;
  const backend = createCpuBackend();
  try {
    const result = await runExperiment(config, backend, { images });
    return {
      baseline: result.baseline.testAccuracy,
      oracle: result.oracle.testAccuracy,
      generations: result.generations.map(({ seconds, ...numbers }) => (void seconds, numbers)),
    };
  } finally {
    backend.dispose();
  }
}

test('every preset gives the recorded per-generation numbers on the CPU, bit for bit', async () => {
  const measured: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  for (const preset of PRESETS) measured[preset.name] = await measure(linkOf(preset));
  if (process.env.RECORD_GENERATIONS === '1') writeFileSync(RECORD, `${JSON.stringify(measured, null, 1)}\n`);
  const recorded = JSON.parse(readFileSync(RECORD, 'utf8'));
  expect(Object.keys(recorded).sort()).toEqual(PRESETS.map((p) => p.name).sort());
  expect(measured).toEqual(recorded);
}, 600_000);
