// Times one link in the page as a person sees it: the production build in headless Chromium,
// from the click on Run to generation 0's row in the Generations table and to the Done status.
// The page stamps each moment itself (performance.now in a click listener and a
// MutationObserver), so the times do not depend on how often Node polls.
import type { Browser } from 'playwright-core';
import { backendOfStatus } from '../report/timeToResultTable.ts';
import type { TimedRun } from '../report/types.ts';

/** The moments the page stamps, in its own milliseconds. */
interface Stamps {
  click: number | null;
  firstGeneration: number | null;
  end: number | null;
  /** The status line when the run ended or failed. */
  status: string;
  backend: string;
}

declare global {
  interface Window {
    __timeToResult?: Stamps;
  }
}

/**
 * Installs the stamps; runs in the page before the click. A string, as tests/e2e/page.ts's
 * observers are: tsx would name a function's inner functions with a helper the page lacks.
 */
const WATCH_RUN = `(() => {
  const stamps = { click: null, firstGeneration: null, end: null, status: '', backend: '' };
  window.__timeToResult = stamps;
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (stamps.click === null && button && button.textContent.trim() === 'Run') stamps.click = performance.now();
  }, { capture: true });
  const observer = new MutationObserver(() => {
    const table = Array.from(document.querySelectorAll('table')).find((candidate) => candidate.caption && candidate.caption.textContent === 'Generations');
    if (stamps.firstGeneration === null && table && table.querySelector('tbody tr')) stamps.firstGeneration = performance.now();
    const status = document.querySelector('[role="status"] .status__text');
    const text = status ? status.textContent : '';
    if (stamps.end === null && /^(Done|Error)/.test(text)) {
      stamps.end = performance.now();
      stamps.status = text;
      const backend = document.querySelector('[role="status"] .status__backend');
      stamps.backend = backend ? backend.textContent : '';
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

export async function timePageRun(browser: Browser, baseUrl: string, link: string, timeoutMs: number): Promise<TimedRun> {
  const run: TimedRun = { backend: null, firstGenerationSeconds: null, endSeconds: null, error: null };
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${baseUrl}#${link}`);
    const button = page.getByRole('button', { name: 'Run', exact: true });
    await button.waitFor({ timeout: 30_000 });
    await page.evaluate(WATCH_RUN);
    await button.click();
    await page.waitForFunction(() => window.__timeToResult?.end !== null, undefined, { timeout: timeoutMs, polling: 250 });
    const stamps = await page.evaluate(() => window.__timeToResult!);
    const since = (moment: number | null) => (moment === null || stamps.click === null ? null : (moment - stamps.click) / 1000);
    run.backend = backendOfStatus(stamps.backend);
    run.firstGenerationSeconds = since(stamps.firstGeneration);
    run.endSeconds = since(stamps.end);
    if (!stamps.status.startsWith('Done')) run.error = stamps.status;
  } catch (error) {
    run.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await page.close().catch(() => {});
  }
  if (run.error === null && errors.length > 0) run.error = `uncaught in the page: ${errors[0]}`;
  return run;
}
