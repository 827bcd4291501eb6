import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBinary } from '@bufbuild/protobuf';
import { ModelProtoSchema } from 'onnx-buf';
import { afterAll, describe, expect, test } from 'vitest';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { PRESETS } from '../../src/config/presets.ts';
import { makeSplit } from '../../src/data/split.ts';
import { generationFileName } from '../../src/onnx/generationOnnx.ts';
import { ortProbabilities } from '../onnx/ortParity.ts';
import { smallConfig } from '../selftrain/fixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'autodidact-onnx-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Fraction of rows whose first largest probability is the label. */
function accuracy(probabilities: Float32Array, labels: Int32Array, classes: number): number {
  let correct = 0;
  labels.forEach((label, row) => {
    const p = probabilities.subarray(row * classes, (row + 1) * classes);
    if (p.indexOf(Math.max(...p)) === label) correct++;
  });
  return correct / labels.length;
}

test('generation files are zero-padded to the digits of the last generation', () => {
  expect([0, 2].map((g) => generationFileName(g, 2))).toEqual(['gen-0.onnx', 'gen-2.onnx']);
  expect([0, 7, 10].map((g) => generationFileName(g, 10))).toEqual(['gen-00.onnx', 'gen-07.onnx', 'gen-10.onnx']);
  expect(generationFileName(5, 100)).toBe('gen-005.onnx');
});

describe('npm run experiment -- LINK --export-onnx DIR', () => {
  test('writes gen-00 ... gen-10 and result.json; onnxruntime scores each file at the test accuracy the CLI reports', async () => {
    const preset = decodeLink(PRESETS.find((p) => p.dataset === 'moons')!.link).config;
    const config = { ...preset, epochs: 4, backend: 'cpu' as const };
    const dir = join(scratch, 'moons', 'models');
    const out = cli(`https://example.org/#${encodeLink(config)}`, '--export-onnx', dir, '--json');
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    const names = json.generations.map((g: { generation: number }) => generationFileName(g.generation, 10));
    expect(names.slice(0, 2)).toEqual(['gen-00.onnx', 'gen-01.onnx']);
    expect(readdirSync(dir).sort()).toEqual([...names, 'result.json'].sort());
    expect(JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'))).toEqual(json);

    const { test: testSet } = makeSplit(config);
    for (const [g, generation] of json.generations.entries()) {
      const bytes = readFileSync(join(dir, names[g]));
      const { data } = await ortProbabilities(bytes, testSet.x, testSet.n, [2]);
      expect(accuracy(data, testSet.y, 2), names[g]).toBe(generation.testAccuracy);
      const metadata = Object.fromEntries(fromBinary(ModelProtoSchema, bytes).metadataProps.map((p) => [p.key, p.value]));
      expect(metadata).toEqual({ link: `#${json.link}`, generation: String(g), dataset: 'moons', classNames: '["upper moon","lower moon"]' });
    }
  });

  test('with --seeds 2, one folder per seed, each with its own models and result.json', () => {
    const config = smallConfig({ gens: 1, epochs: 3 });
    const dir = join(scratch, 'seeds');
    const out = cli(encodeLink(config), '--export-onnx', dir, '--seeds', '2');
    expect(out.status, out.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['seed-7', 'seed-8']);
    for (const seed of [7, 8]) {
      expect(readdirSync(join(dir, `seed-${seed}`)).sort()).toEqual(['gen-0.onnx', 'gen-1.onnx', 'result.json']);
      expect(JSON.parse(readFileSync(join(dir, `seed-${seed}`, 'result.json'), 'utf8')).config.seed).toBe(seed);
    }
  });

  test('a DIR that cannot be a directory exits 2 with the reason, before any training', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a folder');
    for (const dir of [file, join(file, 'below')]) {
      const out = cli(encodeLink(smallConfig({ gens: 1 })), '--export-onnx', dir);
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(new RegExp(`--export-onnx: cannot write models into "${dir}" \\(.*(EEXIST|ENOTDIR).*\\)`));
      expect(out.stderr).not.toMatch(/\n\s+at /);
      expect(out.stdout).toBe('');
    }
  });
});
