import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { encodePoints } from '../../src/data/customPoints.ts';
import { clusterPoints } from '../data/clusterPoints.ts';
import { baseRecipe, recipeText } from '../../src/selftrain/recipe.ts';
import { runCollecting, smallConfig } from '../selftrain/fixtures.ts';

/** Runs the CLI the way `npm run experiment --` does (tsx), returning its exit code and output. */
function cli(...args: string[]) {
  return cliWith(process.env, ...args);
}

function cliWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/experiment.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const stripTimes = <T extends { seconds: number }>(gs: T[]) => gs.map((g) => ({ ...g, seconds: 0 }));

describe('the experiment CLI', () => {
  test("accepts a classroom link's view keys (present, hide, goal) silently, with the same numbers as without them", async () => {
    const config = smallConfig({ gens: 1, backend: 'cpu' });
    const out = cli(`#${encodeLink(config, { present: true, hide: ['training', 'seed'], goal: 90, lesson: null })}`, '--json');
    expect(out.status).toBe(0);
    expect(out.stderr).not.toMatch(/note:/);
    const json = JSON.parse(out.stdout);
    const { result } = await runCollecting(config);
    expect(json.link).toBe(result.link);
    expect(json.generations.map((g: { testAccuracy: number }) => g.testAccuracy)).toEqual(result.generations.map((g) => g.testAccuracy));
  });

  test('--json prints one object with the documented fields and the same numbers as runExperiment in-process', async () => {
    const config = smallConfig({ gens: 2, backend: 'auto' });
    const out = cli(`https://example.org/autodidact/#${encodeLink(config)}`, '--json', '--backend', 'cpu');
    expect(out.stderr).not.toMatch(/note:/);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(['link', 'config', 'backend', 'adapter', 'testSize', 'baseline', 'oracle', 'generations']);
    expect(Object.keys(json.generations[0])).toEqual(['generation', 'testAccuracy', 'pseudoLabelAccuracy', 'coverage', 'pseudoLabels', 'seconds']);
    expect(json.generations[0].pseudoLabelAccuracy).toBeNull();
    expect(json.backend).toBe('cpu');
    expect(json.config.backend).toBe('cpu');

    const { result } = await runCollecting({ ...config, backend: 'cpu' });
    expect(json.link).toBe(result.link);
    expect(json.testSize).toBe(result.testSize);
    expect(json.baseline).toEqual(result.baseline);
    expect(json.oracle).toEqual(result.oracle);
    const inProcess = result.generations.map(({ generation, testAccuracy, pseudoLabelAccuracy, coverage, pseudoLabels, seconds }) => ({
      generation,
      testAccuracy,
      pseudoLabelAccuracy,
      coverage,
      pseudoLabels,
      seconds,
    }));
    expect(stripTimes(json.generations)).toEqual(stripTimes(inProcess));
    for (const g of json.generations) {
      for (const fraction of [g.testAccuracy, g.coverage]) {
        expect(fraction).toBeGreaterThanOrEqual(0);
        expect(fraction).toBeLessThanOrEqual(1);
      }
    }
  });

  test('a population (students=4): --json gives each generation its students, as in-process; the table their spread', async () => {
    const config = smallConfig({ gens: 1, students: 4, backend: 'cpu' });
    const json = JSON.parse(cli(`#${encodeLink(config)}`, '--json').stdout);
    const { result } = await runCollecting(config);
    expect(json.generations.map((g: { students: unknown }) => g.students)).toEqual(result.generations.map((g) => g.students));
    expect(json.generations[0].students.testAccuracy).toHaveLength(4);
    expect(json.generations[0].students.judge).toBe('agreement');
    const text = cli(`#${encodeLink(config)}`).stdout;
    expect(text).toMatch(/Test accuracy\s+Students min–max \(chosen\)\s+Pseudo-label accuracy/);
    expect(text).toMatch(/\d+\.\d%–\d+\.\d% \(#\d+\)/);
  });

  test('a recipe search (search=bandit): --json gives each generation its recipes, as in-process; the table the chosen recipe', async () => {
    const config = smallConfig({ gens: 2, students: 3, search: 'bandit', backend: 'cpu' });
    const json = JSON.parse(cli(`#${encodeLink(config)}`, '--json').stdout);
    const { result } = await runCollecting(config);
    expect(json.generations.map((g: { recipes: unknown }) => g.recipes)).toEqual(result.generations.map((g) => g.recipes));
    expect(json.generations[0].recipes.student).toHaveLength(3);
    const text = cli(`#${encodeLink(config)}`).stdout;
    expect(text).toMatch(/Students min–max \(chosen\)\s+Chosen recipe \(score\)\s+Pseudo-label accuracy/);
    const { arms, scores, chosen } = result.generations[2].recipes!;
    expect(text).toContain(`${recipeText(arms[chosen], baseRecipe(config))} (${(scores[chosen]! * 100).toFixed(1)}%)`);
  });

  test('a critic (critic=committee): --json gives generations 1 on their critic, as in-process; the table a critic column', async () => {
    const config = smallConfig({ data: 'gauss', classes: 4, labels: 4, noise: 30, select: 'threshold', tau: 0.6, student: 'fresh', soft: false, gens: 1, students: 4, critic: 'committee', agree: 3, backend: 'cpu' });
    const json = JSON.parse(cli(`#${encodeLink(config)}`, '--json').stdout);
    const { result } = await runCollecting(config);
    expect(json.generations[0].critic).toBeUndefined();
    expect(json.generations[1].critic).toEqual(result.generations[1].critic);
    expect(json.generations[1].critic).toEqual({ vetoed: 15, vetoedWrong: 12, precision: 0.8, recall: expect.any(Number) });
    const text = cli(`#${encodeLink(config)}`).stdout;
    expect(text).toMatch(/Pseudo-label accuracy\s+Critic vetoed \(precision, recall\)\s+Coverage/);
    expect(text).toMatch(/15 \(80\.0% right, \d+\.\d% caught\)/);
  });

  test('an audit and a gate: --json gives each generation its audit and gate and the labels + audit baseline, as in-process; the table an audit column', async () => {
    const config = smallConfig({ students: 4, audit: 20, gate: true, gens: 5, seed: 10, backend: 'cpu' });
    const json = JSON.parse(cli(`#${encodeLink(config)}`, '--json').stdout);
    const { result } = await runCollecting(config);
    expect(json.baseline).toEqual(result.baseline);
    expect(json.baseline.withAudit.testAccuracy).toEqual(expect.any(Number));
    expect(json.generations.map((g: { audit: unknown; gate: unknown }) => [g.audit, g.gate])).toEqual(result.generations.map((g) => [g.audit, g.gate]));
    expect(json.generations[0].gate).toBeUndefined();
    expect(json.generations[1].gate.accepted).toBe(false);
    const text = cli(`#${encodeLink(config)}`).stdout;
    expect(text).toMatch(/Test accuracy\s+Audit estimate \[interval\]\s+Students min–max \(chosen\)/);
    expect(text).toMatch(/\d+\.\d% \[\d+\.\d%–\d+\.\d%\] rejected/);
    expect(text).toMatch(/baseline \(labels \+ audit\)\s+\d+\.\d%/);
  });

  test('without --json it prints the Generations table with the reference lines; link notes go to stderr', () => {
    const out = cli(`#${encodeLink(smallConfig({ gens: 1 }))}&labels=abc`);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/Generation\s+Test accuracy\s+Pseudo-label accuracy\s+Coverage\s+Pseudo-labels\s+Seconds/);
    expect(out.stdout).toMatch(/baseline \(labelled only\)/);
    expect(out.stdout).toMatch(/oracle \(all labels\)/);
    expect(out.stderr).toMatch(/note: .*labels/);
  });

  test('--list-presets --json lists every preset with a valid link', () => {
    const out = cli('--list-presets', '--json');
    expect(out.status).toBe(0);
    const presets = JSON.parse(out.stdout) as { name: string; dataset: string; kind: string; link: string }[];
    expect(presets.length).toBeGreaterThan(0);
    for (const preset of presets) {
      expect(Object.keys(preset)).toEqual(['name', 'dataset', 'kind', 'link']);
      expect(['gain', 'bias']).toContain(preset.kind);
      expect(decodeLink(preset.link).notes).toEqual([]);
      expect(decodeLink(preset.link).config.data).toBe(preset.dataset);
    }
  });

  test('bad arguments exit 2 with a clear message and no stack trace', () => {
    // Each process costs a second; args.test.ts covers the other cases in-process.
    for (const args of [['--frobnicate'], ['v=1', '--backend', 'tpu']]) {
      const out = cli(...args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stderr).toMatch(/Usage:/);
      expect(out.stderr).not.toMatch(/\n\s+at /);
      expect(out.stdout).toBe('');
    }
  });

  test('backend=auto: a 2-8-8-2 link runs on WebAssembly and says why, with the numbers --backend wasm gives; a 2-8-2 one on the CPU', () => {
    const link = encodeLink(smallConfig({ gens: 1, epochs: 4, hidden: [8, 8], backend: 'auto' }));
    const out = cli(link, '--json');
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/backend: WebAssembly SIMD: a 2-8-8-2 MLP .* above the WebAssembly crossover/);
    const json = JSON.parse(out.stdout);
    expect(json.backend).toBe('wasm');
    const wasm = JSON.parse(cli(link, '--json', '--backend', 'wasm').stdout);
    expect(stripTimes(json.generations)).toEqual(stripTimes(wasm.generations));
    const tiny = cli(encodeLink(smallConfig({ gens: 1, epochs: 4, backend: 'auto' })), '--json');
    expect(tiny.stderr).toMatch(/backend: CPU: a 2-8-2 MLP .* below the WebAssembly crossover/);
    expect(JSON.parse(tiny.stdout).backend).toBe('cpu');
  });

  test('--backend webgpu runs on Dawn with the adapter in the JSON, the same numbers as the CPU; without an adapter it exits 2 saying how to fix it', () => {
    const link = encodeLink(smallConfig({ gens: 1, epochs: 4 }));
    // npm test sets LD_LIBRARY_PATH and VK_ICD_FILENAMES so Dawn finds SwiftShader.
    const out = cli(link, '--json', '--backend', 'webgpu');
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/backend: WebGPU on /);
    const json = JSON.parse(out.stdout);
    expect(json.backend).toBe('webgpu');
    expect(json.adapter).toMatch(/\((software|hardware)\)$/);
    const cpu = JSON.parse(cli(link, '--json', '--backend', 'cpu').stdout);
    expect(json.generations.map((g: { testAccuracy: number }) => g.testAccuracy)).toEqual(cpu.generations.map((g: { testAccuracy: number }) => g.testAccuracy));

    const bare = { ...process.env, VK_ICD_FILENAMES: '/nonexistent/icd.json', LD_LIBRARY_PATH: '' };
    const failed = cliWith(bare, link, '--json', '--backend', 'webgpu');
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/no WebGPU adapter/);
    expect(failed.stderr).toMatch(/VK_ICD_FILENAMES=\/usr\/lib\/chromium\/vk_swiftshader_icd.json/);
    expect(failed.stdout).toBe('');
  });

  test('runs a data=custom link with points without a class, on the wasm backend, and says they join the pool unscored', async () => {
    const link = `v=1&data=custom&points=${encodePoints(clusterPoints())}&labels=6&hidden=8&epochs=10&k=5&gens=2&seed=3`;
    const out = cli(`#${link}`, '--backend', 'wasm');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('14 test points · 6 of the pool have no class: pseudo-labelled and trained on, not scored\n');
    // 46 pool rows, 40 with a class: coverage is over those 40.
    const { result } = await runCollecting(decodeLink(`${link}&backend=cpu`).config);
    expect(out.stdout).toMatch(new RegExp(`\\n2 +${(100 * result.generations[2].testAccuracy).toFixed(1)}% +${(100 * result.generations[2].pseudoLabelAccuracy!).toFixed(1)}% +${(100 * result.generations[2].coverage).toFixed(1)}% +30 `));
  });

});
