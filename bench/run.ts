// `npm run bench [-- --json FILE] [--quick] [--training-only] [--time-to-result]`: builds the bench page, runs every
// engine × workload in one headless Chromium page, times each preset to its result in the app and on the CLI, prints
// markdown tables and optionally writes the JSON report.
import { writeFileSync } from 'node:fs';
import { ArgsError, USAGE, parseArgs, type BenchArgs } from './cli/args.ts';
import { driveBenchPage } from './cli/drive.ts';
import { driveGenerations } from './cli/driveGenerations.ts';
import { driveLabelling } from './cli/driveLabelling.ts';
import { driveTimeToResult } from './cli/driveTimeToResult.ts';
import { describeLoad, describeMachine } from './cli/machine.ts';
import { buildAndServeBenchPage } from './cli/serve.ts';
import { bestOfRounds } from './report/rounds.ts';
import { renderGenerations } from './report/generationTable.ts';
import { renderLabelling } from './report/labellingTable.ts';
import { renderReport } from './report/table.ts';
import { renderTimeToResult } from './report/timeToResultTable.ts';
import type { BenchReport, TimeToResultReport } from './report/types.ts';

const FULL = { rounds: 2, targetEpochMs: 400, timedEpochs: 5, rowTimeoutMs: 90_000, labellingPasses: 5, generationPasses: 5 };
const QUICK = { rounds: 1, targetEpochMs: 150, timedEpochs: 3, rowTimeoutMs: 45_000, labellingPasses: 3, generationPasses: 1 };
/** A preset's run in the page or on the CLI fails after this long (the MNIST preset's goal is 4 minutes). */
const PRESET_RUN_TIMEOUT_MS = 15 * 60_000;

const log = (line: string) => console.error(`[bench] ${line}`);

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
  const load = describeLoad();
  const report = args.timeToResult === 'only' ? await timeToResultOnly(args, load) : await fullReport(args, load);
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${args.json}`);
  }
  return 0;
}

/** The training rows, then the labelling pass, the generation rows and the time to result unless left out. */
async function fullReport(args: BenchArgs, load: string): Promise<BenchReport> {
  const settings = { ...(args.quick ? QUICK : FULL), ...(args.rounds ? { rounds: args.rounds } : {}) };
  log('building the bench page');
  const server = await buildAndServeBenchPage();
  let report: BenchReport;
  try {
    const result = await driveBenchPage(server.url, { ...settings, engines: args.engines, workloads: args.workloads, log });
    const labelling = args.trainingOnly ? [] : await driveLabelling(server.url, { passes: settings.labellingPasses, rowTimeoutMs: settings.rowTimeoutMs, labellers: args.labellers, workloads: args.workloads, log });
    // A generation row runs a whole experiment 2 × (1 + passes) times: the CNN rows' time limit.
    const generations = args.trainingOnly ? [] : await driveGenerations(server.url, { passes: settings.generationPasses, rowTimeoutMs: 4 * settings.rowTimeoutMs, engines: args.engines, log });
    report = {
      date: today(),
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
  } finally {
    await server.close();
  }
  console.log(renderReport(report));
  if (report.labelling?.length) console.log(`\n${renderLabelling(report.labelling)}`);
  if (report.generations?.length) console.log(`\n${renderGenerations(report.generations)}`);
  if (args.timeToResult === 'with') {
    report.timeToResult = (await driveTimeToResult({ presets: args.presets, runTimeoutMs: PRESET_RUN_TIMEOUT_MS, log })).rows;
    console.log(`\n${renderTimeToResult(report.timeToResult)}`);
  }
  return report;
}

/** --time-to-result: the presets alone, with the lines that say where they ran. */
async function timeToResultOnly(args: BenchArgs, load: string): Promise<TimeToResultReport> {
  const { rows, browser } = await driveTimeToResult({ presets: args.presets, runTimeoutMs: PRESET_RUN_TIMEOUT_MS, log });
  const report: TimeToResultReport = { date: today(), browser, machine: describeMachine(), notes: [load], timeToResult: rows };
  console.log([`- Date: ${report.date}`, `- Browser: ${browser}`, `- Machine: ${report.machine}`, `- Note: ${load}`, '', renderTimeToResult(rows)].join('\n'));
  return report;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

process.exitCode = await main();
