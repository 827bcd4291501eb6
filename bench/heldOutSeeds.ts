// `npx tsx bench/heldOutSeeds.ts --preset <name or dataset> --seeds 100-109 [--link-extra "k=v&..."] [--json FILE] [--no-longer]`:
// runs an image preset on the WebAssembly backend in Node over seeds that played no part in choosing it, scored on
// all 10,000 official test images, and prints per seed generation 0, the last generation, generation 0 without the
// warm-up (when the preset has one) and the labelled-only model trained ten times longer; then the mean, the worst
// seed and the spread. Issue 18's table in docs/warmup.md comes from it. `--no-longer` skips the labelled-only model
// (it does not depend on the self-training recipe), for choosing a recipe on seeds of one's own.
import { writeFileSync } from 'node:fs';
import { decodeLink } from '../src/config/codec.ts';
import { PARAM_TABLE } from '../src/config/params.ts';
import { PRESETS } from '../src/config/presets.ts';
import type { ExperimentConfig } from '../src/config/schema.ts';
import { loadImages } from '../src/data/images/load.ts';
import { diskSource } from '../src/data/images/node/diskSource.ts';
import { imageRequest } from '../src/data/images/split.ts';
import { createWasmBackend } from '../src/engine/backends/wasm.ts';
import type { ExperimentResult } from '../src/selftrain/events.ts';
import { runExperiment } from '../src/selftrain/runExperiment.ts';

const OFFICIAL_TEST = 10_000;

interface SeedRow {
  seed: number;
  generation0: number;
  last: number;
  without: number | null;
  longer: number | null;
  seconds: number;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function seedList(text: string): number[] {
  return text.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

async function run(config: ExperimentConfig): Promise<ExperimentResult> {
  const images = await loadImages(imageRequest(config), diskSource());
  const backend = createWasmBackend();
  try {
    return await runExperiment(config, backend, { images });
  } finally {
    backend.dispose();
  }
}

/** The labelled-only model of `config` (no warm-up) trained ten times the epochs; gens=1 with an unreachable threshold stops after generation 0. */
function labelledOnly(config: ExperimentConfig): ExperimentConfig {
  return { ...config, pretrain: 'none', epochs: config.epochs * 10, pool: PARAM_TABLE.pool.min, gens: 1, select: 'threshold', tau: 1 };
}

const points = (fraction: number) => (fraction * 100).toFixed(1);
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

async function main(): Promise<void> {
  const wanted = argument('--preset') ?? 'mnist';
  const preset = PRESETS.find((p) => p.name === wanted || p.dataset === wanted);
  if (!preset) throw new Error(`No preset named ${wanted}.`);
  const extra = argument('--link-extra') ?? '';
  const base = decodeLink(`${preset.link}${extra ? `&${extra}` : ''}`).config;
  const seeds = seedList(argument('--seeds') ?? '100-109');
  const rows: SeedRow[] = [];
  console.log(`${preset.name}${extra ? ` + ${extra}` : ''}, ${OFFICIAL_TEST} test images, seeds ${seeds.join(', ')}\n`);
  console.log('| Seed | Generation 0 | Last generation | Generation 0 without warm-up | Labelled only, 10× epochs | Seconds |\n|---:|---:|---:|---:|---:|---:|');
  for (const seed of seeds) {
    const config = { ...base, seed, test: OFFICIAL_TEST };
    const started = performance.now();
    const result = await run(config);
    const seconds = (performance.now() - started) / 1000;
    const longer = process.argv.includes('--no-longer') ? null : (await run(labelledOnly(config))).baseline.testAccuracy;
    const generations = result.generations;
    const row: SeedRow = { seed, generation0: generations[0].testAccuracy, last: generations[generations.length - 1].testAccuracy, without: generations[0].warmup?.withoutTestAccuracy ?? null, longer, seconds };
    rows.push(row);
    console.log(`| ${seed} | ${points(row.generation0)}% | ${points(row.last)}% | ${row.without === null ? '—' : `${points(row.without)}%`} | ${row.longer === null ? '—' : `${points(row.longer)}%`} | ${seconds.toFixed(0)} |`);
  }
  const lasts = rows.map((r) => r.last);
  const withouts = rows.flatMap((r) => (r.without === null ? [] : [r.without]));
  const longers = rows.flatMap((r) => (r.longer === null ? [] : [r.longer]));
  console.log(`| **mean** | ${points(mean(rows.map((r) => r.generation0)))}% | ${points(mean(lasts))}% | ${withouts.length ? `${points(mean(withouts))}%` : '—'} | ${longers.length ? `${points(mean(longers))}%` : '—'} | |`);
  console.log(`\nworst seed (last generation): ${points(Math.min(...lasts))}% (seed ${rows[lasts.indexOf(Math.min(...lasts))].seed}); spread ${points(Math.max(...lasts) - Math.min(...lasts))} points`);
  const json = argument('--json');
  if (json) writeFileSync(json, JSON.stringify({ preset: preset.name, extra, seeds, rows }, null, 2));
}

await main();
process.exit(0);
