// Drives the labelling rows (bench/page/labelling.ts) in a page of their own, after the
// training rows: one row at a time, a hung or crashed row failed and the next in a fresh page.
import { launchChromium } from '../../tests/e2e/browser.ts';
import type { LabellerName, LabellingRow, WorkloadName } from '../report/types.ts';
import { openBenchPage, withTimeout } from './drive.ts';

export interface LabellingOptions {
  /** Timed passes per row, after one warm-up pass. */
  passes: number;
  rowTimeoutMs: number;
  labellers: LabellerName[] | null;
  workloads: WorkloadName[] | null;
  log(line: string): void;
}

export async function driveLabelling(url: string, options: LabellingOptions): Promise<LabellingRow[]> {
  const browser = await launchChromium();
  try {
    let page = await openBenchPage(browser, url, options.log);
    const plan = (await page.evaluate(() => window.autodidactBench!.labellingPlan())).filter(
      ({ workload, labeller }) => (options.labellers?.includes(labeller) ?? true) && (options.workloads?.includes(workload) ?? true),
    );
    const rows: LabellingRow[] = [];
    for (const { workload, labeller } of plan) {
      const started = Date.now();
      try {
        rows.push(await withTimeout(page.evaluate((r) => window.autodidactBench!.labelling(r), { workload, labeller, passes: options.passes }), options.rowTimeoutMs));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        rows.push({ workload, labeller, examples: 0, examplesPerSecond: null, msToSession: null, error: reason });
        await page.close().catch(() => {});
        page = await openBenchPage(browser, url, options.log);
      }
      const row = rows[rows.length - 1];
      const outcome = row.error ? `failed: ${row.error}` : `${Math.round(row.examplesPerSecond ?? 0)} examples/s, ${Math.round(row.msToSession ?? 0)} ms to session`;
      options.log(`labelling ${workload} ${labeller}: ${outcome} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    return rows;
  } finally {
    await browser.close();
  }
}
