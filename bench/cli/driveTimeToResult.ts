// Runs every preset (or those asked for) once in the page and once on the command line, one
// after the other so they never share the cores, and times each to its first result and its end.
import { launchChromium } from '../../tests/e2e/browser.ts';
import { PRESETS } from '../../src/config/presets.ts';
import { formatSeconds } from '../report/timeToResultTable.ts';
import type { TimedRun, TimeToResultRow } from '../report/types.ts';
import { timeCliRun } from '../timeToResult/cli.ts';
import { timePageRun } from '../timeToResult/page.ts';
import { buildAndServeSite } from '../timeToResult/site.ts';

export interface TimeToResultOptions {
  /** Presets by their place in the menu, from 1 (all when null). */
  presets: number[] | null;
  /** A run (page or CLI) still going after this long fails. */
  runTimeoutMs: number;
  log(line: string): void;
}

/** The rows, and the browser that ran the page ("Chromium 131.0..." as the report names it). */
export async function driveTimeToResult(options: TimeToResultOptions): Promise<{ rows: TimeToResultRow[]; browser: string }> {
  options.log('building the site for the time-to-result runs');
  const site = await buildAndServeSite();
  const browser = await launchChromium();
  try {
    const rows: TimeToResultRow[] = [];
    for (const [index, preset] of PRESETS.entries()) {
      if (options.presets && !options.presets.includes(index + 1)) continue;
      const page = await timePageRun(browser, site.url, preset.link, options.runTimeoutMs);
      options.log(`time to result ${preset.name}, page: ${describe(page)}`);
      const cli = await timeCliRun(preset.link, options.runTimeoutMs);
      options.log(`time to result ${preset.name}, CLI: ${describe(cli)}`);
      rows.push({ preset: preset.name, page, cli });
    }
    return { rows, browser: `Chromium ${browser.version()} (headless)` };
  } finally {
    await browser.close();
    await site.close();
  }
}

function describe(run: TimedRun): string {
  return run.error ? `failed: ${run.error}` : `${run.backend}, generation 0 at ${formatSeconds(run.firstGenerationSeconds)} s, end at ${formatSeconds(run.endSeconds)} s`;
}
