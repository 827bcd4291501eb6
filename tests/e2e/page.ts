import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';

export interface CliGeneration {
  generation: number;
  testAccuracy: number;
  pseudoLabelAccuracy: number | null;
  coverage: number;
}
export interface CliPreset {
  name: string;
  dataset: string;
  kind: 'gain' | 'bias';
  link: string;
}

/** Runs the command-line runner the way a person would and parses its JSON. */
export function cli<T>(...args: string[]): T {
  const out = execFileSync('npx', ['tsx', 'src/cli/experiment.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as T;
}

/** A fraction as the Generations table shows it. */
export function percent(fraction: number | null): string {
  return fraction === null ? '—' : `${(fraction * 100).toFixed(1)}%`;
}

/** The Generations table's body, as text cells of Generation, Test accuracy, Pseudo-label accuracy, Coverage. */
export async function readGenerations(page: Page): Promise<string[][]> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').trim()).slice(0, 4)),
  );
}

/** Presses Run and waits until the status says the run is done. */
export async function runToEnd(page: Page, timeoutMs = 180_000): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Done/ }).waitFor({ timeout: timeoutMs });
}

/** Collects long main-thread tasks (> 50 ms) from page start, readable as window.__longTasks. */
export const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;
