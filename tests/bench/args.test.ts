import { describe, expect, it } from 'vitest';
import { ArgsError, parseArgs } from '../../bench/cli/args.ts';
import { PRESETS } from '../../src/config/presets.ts';

describe('bench arguments', () => {
  it('defaults to every engine and workload, full length, no JSON', () => {
    expect(parseArgs([])).toEqual({ json: null, quick: false, rounds: null, engines: null, labellers: null, workloads: null, trainingOnly: false, timeToResult: 'with', presets: null, help: false });
  });

  it('reads --json FILE, --quick and the filters', () => {
    expect(parseArgs(['--json', 'out.json', '--quick', '--rounds', '3', '--engines', 'tfjs-cpu,plain-js', '--workloads', 'W2', '--training-only'])).toEqual({
      json: 'out.json',
      quick: true,
      rounds: 3,
      engines: ['tfjs-cpu', 'plain-js'],
      labellers: [],
      workloads: ['W2'],
      trainingOnly: true,
      timeToResult: 'without',
      presets: null,
      help: false,
    });
  });

  it('splits --engines into training engines and labellers, a name in both lists going to both', () => {
    expect(parseArgs(['--engines', 'autodidact-wasm,ort-wasm,autodidact-cpu'])).toMatchObject({ engines: ['autodidact-wasm', 'autodidact-cpu'], labellers: ['autodidact-wasm', 'autodidact-cpu', 'ort-wasm'] });
    expect(parseArgs(['--engines', 'ort-wasm'])).toMatchObject({ engines: [], labellers: ['ort-wasm'] });
  });

  it('times the presets to their results unless told not to, or that alone', () => {
    expect(parseArgs(['--time-to-result', '--presets', '1,9'])).toMatchObject({ timeToResult: 'only', presets: [1, 9] });
    expect(parseArgs(['--no-time-to-result'])).toMatchObject({ timeToResult: 'without' });
    expect(() => parseArgs(['--time-to-result', '--no-time-to-result'])).toThrow(/choose one/);
    expect(() => parseArgs(['--training-only', '--time-to-result'])).toThrow(/choose one/);
    expect(() => parseArgs(['--presets', '0'])).toThrow(`whole number from 1 to ${PRESETS.length}`);
    expect(() => parseArgs(['--presets', String(PRESETS.length + 1)])).toThrow(`whole number from 1 to ${PRESETS.length}`);
  });

  it('refuses what it cannot run, saying what to choose', () => {
    expect(() => parseArgs(['--json'])).toThrow(ArgsError);
    expect(() => parseArgs(['--engines', 'tfjs-webgl'])).toThrow(/choose from autodidact-webgpu/);
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown argument --fast/);
    expect(() => parseArgs(['--rounds', '0'])).toThrow(/whole number from 1 to 10/);
  });
});
