// Drives the population rows (bench/page/generation.ts) in a page of their own, after the
// labelling rows: one backend at a time, a hung or crashed row failed and the next in a fresh page.
import { launchChromium } from '../../tests/e2e/browser.ts';
import type { EngineName, GenerationRow } from '../report/types.ts';
import { openBenchPage, withTimeout } from './drive.ts';

export interface GenerationOptions {
  /** Timed runs of each student count, after one warm-up run of each. */
  passes: number;
  rowTimeoutMs: number;
  engines: EngineName[] | null;
  log(line: string): void;
}

export async function driveGenerations(url: string, options: GenerationOptions): Promise<GenerationRow[]> {
  const browser = await launchChromium();
  try {
    let page = await openBenchPage(browser, url, options.log);
    const plan = (await page.evaluate(() => window.autodidactBench!.generationPlan())).filter((engine) => options.engines?.includes(engine) ?? true);
    const rows: GenerationRow[] = [];
    for (const engine of plan) {
      const started = Date.now();
      try {
        rows.push(await withTimeout(page.evaluate((r) => window.autodidactBench!.generation(r), { engine, passes: options.passes }), options.rowTimeoutMs));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        rows.push({ engine, preset: '', students: 0, msOne: null, msMany: null, error: reason });
        await page.close().catch(() => {});
        page = await openBenchPage(browser, url, options.log);
      }
      const row = rows[rows.length - 1];
      const outcome = row.error ? `failed: ${row.error}` : `${Math.round(row.msOne ?? 0)} ms with 1 student, ${Math.round(row.msMany ?? 0)} ms with ${row.students}`;
      options.log(`generation ${engine}: ${outcome} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    return rows;
  } finally {
    await browser.close();
  }
}
