import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { encodeLink } from '../../src/config/codec.ts';
import { runCollecting, smallConfig } from '../selftrain/fixtures.ts';

function cli(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the CLI on a run whose loss diverges', () => {
  test('its only student at lr=100: exit code 3, the message on stderr, no stack trace, and JSON with nothing finished', () => {
    const out = cli(encodeLink(smallConfig({ lr: 100 })), '--json');
    expect(out.status).toBe(3);
    expect(out.stderr.trim()).toMatch(/^The loss rose to [\d.e+]+ \(above 100\) in generation 0, epoch \d+: the learning rate 100 is too high; try lr=0\.03 or lower\. The run stopped there; no generation had finished\.$/);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({ backend: 'cpu', baseline: null, oracle: null, generations: [], stopped: out.stderr.trim() });
    expect(json.config.lr).toBe(100);
  });

  test('at generation 2: the finished generations as a finished run prints them, then the message', async () => {
    const config = smallConfig({ lr: 3, opt: 'adam', act: 'relu', seed: 1, gens: 4 });
    const out = cli(encodeLink(config), '--json');
    expect(out.status).toBe(3);
    expect(out.stderr).toContain('in generation 2, epoch 5: the learning rate 3 is too high');
    expect(out.stderr).not.toMatch(/at .*\.ts:\d+/);
    const json = JSON.parse(out.stdout);
    const { result } = await runCollecting({ ...config, gens: 1 });
    expect(json.generations.map((g: { testAccuracy: number }) => g.testAccuracy)).toEqual(result.generations.map((g) => g.testAccuracy));
    expect(json.baseline).toEqual(result.baseline);
    expect(json.oracle).toEqual(result.oracle);
    expect(json.testSize).toBe(result.testSize);

    const table = cli(encodeLink(config));
    expect(table.status).toBe(3);
    expect(table.stdout).toMatch(/^1\s+[\d.]+%/m);
    expect(table.stdout).not.toMatch(/^2\s/m);
  });

  test("a dropped student is in the JSON's generation as `dropped`, and the run exits 0", () => {
    const out = cli(encodeLink(smallConfig({ lr: 3, opt: 'adam', act: 'relu', seed: 1, gens: 3, students: 4 })), '--json');
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.stopped).toBeUndefined();
    expect(json.generations[2].dropped).toEqual([{ student: 3, epoch: 1, reason: expect.stringMatching(/^the loss rose to/) }]);
    expect(json.generations[2].students.testAccuracy[3]).toBeNull();
    expect(json.generations[1].dropped).toBeUndefined();
  });
});
