// Drives the bench page in headless Chromium one row at a time. Each row has a time limit the
// page enforces between epochs and a harder one here; a row past the hard limit (or a crashed
// page) becomes a failed row and the next rows go on in a fresh page.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/e2e/browser.ts';
import type { PageEnvironment, RowRequest } from '../page/api.ts';
import type { BenchRow, EngineName, WorkloadName } from '../report/types.ts';
import { workloadByName } from '../workloads.ts';

export interface DriveOptions {
  /** Times the whole plan runs, so each engine is measured at different moments of the run. */
  rounds: number;
  targetEpochMs: number;
  timedEpochs: number;
  rowTimeoutMs: number;
  engines: EngineName[] | null;
  workloads: WorkloadName[] | null;
  log(line: string): void;
}

export interface DriveResult {
  /** Each round's rows, in plan order. */
  rounds: BenchRow[][];
  environment: PageEnvironment;
  browserVersion: string;
}

/** Time the page gets past its own row limit to finish an epoch and answer. */
const GRACE_MS = 30_000;

export async function driveBenchPage(url: string, options: DriveOptions): Promise<DriveResult> {
  const browser = await launchChromium();
  try {
    let page = await openBenchPage(browser, url, options.log);
    const plan = (await page.evaluate(() => window.autodidactBench!.plan())).filter(
      ({ engine, workload }) => (options.engines?.includes(engine) ?? true) && (options.workloads?.includes(workload) ?? true),
    );
    const rounds: BenchRow[][] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const rows: BenchRow[] = [];
      for (const { workload, engine } of plan) {
        const timeoutMs = options.rowTimeoutMs * (workloadByName(workload).timeScale ?? 1);
        const request: RowRequest = { workload, engine, targetEpochMs: options.targetEpochMs, timedEpochs: options.timedEpochs, timeoutMs };
        const started = Date.now();
        try {
          rows.push(await withTimeout(page.evaluate((r) => window.autodidactBench!.run(r), request), timeoutMs + GRACE_MS));
        } catch (error) {
          rows.push(failed(workload, engine, error instanceof Error ? error.message : String(error)));
          await page.close().catch(() => {});
          page = await openBenchPage(browser, url, options.log);
        }
        const row = rows[rows.length - 1];
        const outcome = row.error ? `failed: ${row.error}` : `${Math.round(row.samplesPerSecond ?? 0)} samples/s`;
        options.log(`round ${round}/${options.rounds} ${workload} ${engine}: ${outcome} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }
      rounds.push(rows);
    }
    const environment = await page.evaluate(() => window.autodidactBench!.environment());
    return { rounds, environment, browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
}

export async function openBenchPage(browser: Browser, url: string, log: (line: string) => void): Promise<Page> {
  const page = await browser.newPage();
  // The page's own errors explain a failed row, and its `bench:` lines say how a row trained;
  // tfjs's routine warnings would only be noise.
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().startsWith('bench: ')) log(`page: ${message.text()}`);
  });
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.autodidactBench !== undefined, null, { timeout: 60_000 });
  return page;
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function failed(workload: WorkloadName, engine: EngineName, error: string): BenchRow {
  return { workload, engine, samplesPerSecond: null, msToFirstStep: null, dispatchesPerStep: null, readbacksPerEpoch: null, gpuBytes: null, stepsPerEpoch: null, error };
}
