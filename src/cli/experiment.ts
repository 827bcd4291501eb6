/**
 * The command-line host of `runExperiment`: the same engine function the page's worker runs,
 * so a link gives the same numbers here and there. Usage in ./args.ts.
 */
import { decodeLink } from '../config/codec.ts';
import { PRESETS } from '../config/presets.ts';
import type { ExperimentConfig } from '../config/schema.ts';
import { createBackend } from '../selftrain/backendChoice.ts';
import type { ExperimentResult } from '../selftrain/events.ts';
import { runExperiment } from '../selftrain/runExperiment.ts';
import { hashOf, parseArgs, USAGE, UsageError, type CliRequest } from './args.ts';
import { resultJson, resultTable, summaryTable } from './report.ts';
import { summarizeSeeds } from '../selftrain/presetCheck.ts';

async function main(argv: readonly string[]): Promise<number> {
  let request: CliRequest;
  try {
    request = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (request.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (request.kind === 'list-presets') {
    const presets = PRESETS.map(({ name, dataset, kind, link }) => ({ name, dataset, kind, link }));
    const text = request.json ? JSON.stringify(presets, null, 2) : presets.map((p) => `${p.name} (${p.dataset}, ${p.kind}): ${p.link}`).join('\n');
    process.stdout.write(`${text}\n`);
    return 0;
  }
  const { config, notes } = decodeLink(hashOf(request.link));
  for (const note of notes) process.stderr.write(`note: ${note}\n`);
  if (request.backend) config.backend = request.backend;
  const results: ExperimentResult[] = [];
  for (let i = 0; i < request.seeds; i++) results.push(await run({ ...config, seed: config.seed + i }));
  process.stdout.write(`${render(request.json, results)}\n`);
  return 0;
}

async function run(config: ExperimentConfig): Promise<ExperimentResult> {
  const backend = createBackend(config.backend);
  try {
    return await runExperiment(config, backend);
  } finally {
    backend.dispose();
  }
}

function render(json: boolean, results: ExperimentResult[]): string {
  if (results.length === 1) return json ? JSON.stringify(resultJson(results[0]), null, 2) : resultTable(results[0]);
  const summary = summarizeSeeds(results);
  if (json) return JSON.stringify({ link: results[0].link, runs: results.map(resultJson), mean: summary }, null, 2);
  return summaryTable(results[0].link, summary);
}

// exitCode, not exit(): let stdout drain before the process ends.
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`experiment failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
