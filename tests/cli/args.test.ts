import { describe, expect, test } from 'vitest';
import { hashOf, parseArgs, UsageError } from '../../src/cli/args.ts';

describe('parseArgs', () => {
  test('a link with options', () => {
    expect(parseArgs(['#v=1&data=xor', '--json', '--backend', 'cpu', '--seeds', '5'])).toEqual({
      kind: 'run',
      link: '#v=1&data=xor',
      json: true,
      backend: 'cpu',
      seeds: 5,
      exportOnnx: null,
      labeler: null,
      progress: false,
    });
    expect(parseArgs(['v=1'])).toEqual({ kind: 'run', link: 'v=1', json: false, backend: null, seeds: 1, exportOnnx: null, labeler: null, progress: false });
    expect(parseArgs(['v=1', '--export-onnx', 'out/models'])).toMatchObject({ kind: 'run', exportOnnx: 'out/models' });
    expect(parseArgs(['v=1', '--labeler', 'onnx'])).toMatchObject({ kind: 'run', labeler: 'onnx' });
    expect(parseArgs(['v=1', '--progress'])).toMatchObject({ kind: 'run', progress: true });
  });

  test('--list-presets and --help', () => {
    expect(parseArgs(['--list-presets', '--json'])).toEqual({ kind: 'list-presets', json: true });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
  });

  test('usage errors say what is wrong', () => {
    expect(() => parseArgs(['--nope'])).toThrow(new UsageError('Unknown option --nope.'));
    expect(() => parseArgs(['v=1', '--backend'])).toThrow(/--backend needs a value/);
    expect(() => parseArgs(['v=1', '--backend', 'gpu'])).toThrow(/use one of auto, cpu, wasm, webgpu/);
    expect(() => parseArgs(['v=1', '--seeds', '0'])).toThrow(/--seeds takes a whole number/);
    expect(() => parseArgs(['v=1', '--export-onnx'])).toThrow(/--export-onnx needs a value/);
    expect(() => parseArgs(['v=1', '--labeler', 'ort'])).toThrow(new UsageError('Unknown labeler "ort": use one of engine, onnx.'));
    expect(() => parseArgs([])).toThrow(/Give a link/);
    expect(() => parseArgs(['--list-presets', 'v=1'])).toThrow(/takes no link/);
  });
});

test('hashOf takes what follows #, or the whole text', () => {
  expect(hashOf('https://x.org/app/#v=1&data=moons')).toBe('v=1&data=moons');
  expect(hashOf('#v=1')).toBe('v=1');
  expect(hashOf('v=1')).toBe('v=1');
});
