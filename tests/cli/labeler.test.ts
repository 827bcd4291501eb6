import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { encodeLink } from '../../src/config/codec.ts';
import { smallConfig } from '../selftrain/fixtures.ts';

function cliJson(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', ...args, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(run.status, run.stderr).toBe(0);
  return { ...(JSON.parse(run.stdout) as { generations: { seconds: number }[] }), stderr: run.stderr };
}

test('--labeler onnx (onnxruntime-web, WASM) admits what the engine admits: with hard labels the same generations', () => {
  const link = encodeLink(smallConfig({ gens: 3, soft: false }));
  const withoutSeconds = (json: ReturnType<typeof cliJson>) => json.generations.map((g) => ({ ...g, seconds: 0 }));
  const onnx = cliJson(link, '--labeler', 'onnx');
  const engine = cliJson(link, '--labeler', 'engine');
  expect(onnx.stderr).toMatch(/labeler: onnxruntime-web 1\.30\.\d+ \(WASM\)/);
  expect(engine.stderr).not.toMatch(/labeler:/);
  expect(onnx.generations).toHaveLength(4);
  expect(withoutSeconds(onnx)).toEqual(withoutSeconds(engine));
});

test("the link's labeler key picks the labeler when --labeler is not given, and the flag overrides it", () => {
  const onLink = encodeLink(smallConfig({ gens: 1, soft: false, labeler: 'onnx' }));
  expect(cliJson(onLink).stderr).toMatch(/labeler: onnxruntime-web/);
  expect(cliJson(onLink, '--labeler', 'engine').stderr).not.toMatch(/labeler:/);
});
