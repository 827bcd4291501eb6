import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { progressLine } from '../../src/cli/progress.ts';
import { encodeLink } from '../../src/config/codec.ts';
import { smallConfig } from '../selftrain/fixtures.ts';

function cli(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the CLI with --progress', () => {
  test('a line per generation on stderr, in order, with the accuracy the JSON reports; stdout unchanged', () => {
    const link = encodeLink(smallConfig({ gens: 2 }));
    const plain = cli(link, '--json');
    const followed = cli(link, '--json', '--progress');
    expect(followed.status).toBe(0);
    // The same JSON, but for the wall-clock seconds each generation took.
    const untimed = (stdout: string) => JSON.parse(stdout, (key, value: unknown) => (key === 'seconds' ? 0 : value));
    expect(untimed(followed.stdout)).toEqual(untimed(plain.stdout));
    const generations: { generation: number; testAccuracy: number }[] = untimed(followed.stdout).generations;
    expect(generations.map((g) => g.generation)).toEqual([0, 1, 2]);
    const lines = followed.stderr.split('\n').filter((line) => line.startsWith('generation '));
    expect(lines).toEqual(generations.map((g) => progressLine(g.generation, 2, g.testAccuracy)));
    expect(plain.stderr).not.toMatch(/^generation /m);
  });

  test('the line reads as a person would say it', () => {
    expect(progressLine(2, 8, 0.91349)).toBe('generation 2 of 8: test accuracy 91.3%');
  });
});
