// `npm run bench [-- --json FILE] [--quick] [--training-only]`: builds the bench page, runs every engine × workload
// in one headless Chromium page, prints markdown tables and optionally writes the JSON report.
import { writeFileSync } from 'node:fs';
import { ArgsError, USAGE, parseArgs } from './cli/args.ts';
import { driveBenchPage } from './cli/drive.ts';
import { driveGenerations } from './cli/driveGenerations.ts';
import { driveLabelling } from './cli/driveLabelling.ts';
import { describeLoad, describeMachine } from './cli/machine.ts';
import { buildAndServeBenchPage } from './cli/serve.ts';
import { bestOfRounds } from './report/rounds.ts';
import { renderGenerations } from './report/generationTable.ts';
import { renderLabelling } from './report/labellingTable.ts';
import { renderReport } from './report/table.ts';
import type { BenchReport } from './report/types.ts';

const FULL = { rounds: 2, targetEpochMs: 400, timedEpochs: 5, rowTimeoutMs: 90_000, labellingPasses: 5, generationPasses: 5 };
const QUICK = { rounds: 1, targetEpochMs: 150, timedEpochs: 3, rowTimeoutMs: 45_000, labellingPasses: 3, generationPasses: 1 };

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const settings = { ...(args.quick ? QUICK : FULL), ...(args.rounds ? { rounds: args.rounds } : {}) };
  const log = (line: string) => console.error(`[bench] ${line}`);
  const load = describeLoad();
  log('building the bench page');
  const server = await buildAndServeBenchPage();
  try {
    const result = await driveBenchPage(server.url, { ...settings, engines: args.engines, workloads: args.workloads, log });
    const labelling = args.trainingOnly ? [] : await driveLabelling(server.url, { passes: settings.labellingPasses, rowTimeoutMs: settings.rowTimeoutMs, workloads: args.workloads, log });
    // A generation row runs a whole experiment 2 × (1 + passes) times: the CNN rows' time limit.
    const generations = args.trainingOnly ? [] : await driveGenerations(server.url, { passes: settings.generationPasses, rowTimeoutMs: 4 * settings.rowTimeoutMs, engines: args.engines, log });
    const report: BenchReport = {
      date: new Date().toISOString().slice(0, 10),
      browser: `Chromium ${result.browserVersion} (headless)`,
      adapter: result.environment.adapter,
      machine: describeMachine(),
      notes: [
        ...result.environment.notes,
        load,
        `each row: epochs sized to ~${settings.targetEpochMs} ms, median of ${settings.timedEpochs} timed epochs after a warm-up, best of ${settings.rounds} round(s) of the whole plan; samples/s counts every model's samples`,
      ],
      rows: bestOfRounds(result.rounds),
      labelling,
      generations,
    };
    console.log(renderReport(report));
    if (labelling.length > 0) console.log(`\n${renderLabelling(labelling)}`);
    if (generations.length > 0) console.log(`\n${renderGenerations(generations)}`);
    if (args.json) {
      writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
      log(`wrote ${args.json}`);
    }
    return 0;
  } finally {
    await server.close();
  }
}

process.exitCode = await main();
