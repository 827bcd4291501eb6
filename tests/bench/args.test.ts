import { describe, expect, it } from 'vitest';
import { ArgsError, parseArgs } from '../../bench/cli/args.ts';

describe('bench arguments', () => {
  it('defaults to every engine and workload, full length, no JSON', () => {
    expect(parseArgs([])).toEqual({ json: null, quick: false, rounds: null, engines: null, workloads: null, trainingOnly: false, help: false });
  });

  it('reads --json FILE, --quick and the filters', () => {
    expect(parseArgs(['--json', 'out.json', '--quick', '--rounds', '3', '--engines', 'tfjs-cpu,plain-js', '--workloads', 'W2', '--training-only'])).toEqual({
      json: 'out.json',
      quick: true,
      rounds: 3,
      engines: ['tfjs-cpu', 'plain-js'],
      workloads: ['W2'],
      trainingOnly: true,
      help: false,
    });
  });

  it('refuses what it cannot run, saying what to choose', () => {
    expect(() => parseArgs(['--json'])).toThrow(ArgsError);
    expect(() => parseArgs(['--engines', 'tfjs-webgl'])).toThrow(/choose from autodidact-webgpu/);
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown argument --fast/);
    expect(() => parseArgs(['--rounds', '0'])).toThrow(/whole number from 1 to 10/);
  });
});
