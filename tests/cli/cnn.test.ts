import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

const LINK = 'v=1&data=mnist&model=cnn&filters=4,8&hidden=16&labels=20&pool=100&test=100&dropout=0&inoise=0&lr=0.003&batch=10&epochs=8&gens=1&k=5&seed=5&backend=cpu';

test('the CLI runs model=cnn from a link, and says why it runs the MLP instead on 2-D data', () => {
  const run = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', `#${LINK}`, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(run.stderr).not.toMatch(/note:|failed/);
  expect(run.status).toBe(0);
  const json = JSON.parse(run.stdout);
  expect(json.config).toMatchObject({ data: 'mnist', model: 'cnn', filters: [4, 8], hidden: [16] });
  expect(json.generations).toHaveLength(2);
  expect(json.baseline.testAccuracy).toBeGreaterThan(0.2);

  const moons = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', '#data=moons&model=cnn&epochs=2&gens=1&backend=cpu', '--json'], { encoding: 'utf8' });
  expect(moons.stderr).toContain('note: model=cnn needs image data (mnist or fashion), not moons; using mlp');
  expect(moons.status).toBe(0);
  expect(JSON.parse(moons.stdout).config.model).toBe('mlp');
}, 120_000);
