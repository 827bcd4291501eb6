import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { cli, percent, runToEnd, type CliGeneration } from './page.ts';

/**
 * Two moons, four students judged by an audit of 20 examples, under the gate: on this seed the
 * gate rejects generation 1's challenger (tests/selftrain/auditRun.test.ts finds the same).
 */
const LINK =
  'v=1&data=moons&labels=8&noise=10&classes=2&pool=200&test=200&model=mlp&hidden=8&filters=8,16&act=tanh&dropout=0.1&inoise=0.8&shift=0&mixup=0&' +
  'opt=adam&lr=0.03&l2=0&batch=16&epochs=8&select=balanced&tau=0.9&percent=20&k=30&soft=1&temperature=0.5&lweight=20&student=warm&gens=5&' +
  'students=4&critic=none&agree=2&audit=20&gate=1&seed=10&backend=cpu&labeler=engine';

interface AuditedGeneration extends CliGeneration {
  students: { best: number; judge: string };
  audit: { size: number; accuracy: number[]; estimate: number; low: number; high: number };
  gate?: { accepted: boolean; challenger: number; champion: number; reason: string };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('an audit and a gate in the page', () => {
  test('the audit estimate and interval stand beside the test accuracy, a rejected generation says why, all as the CLI gives them', async () => {
    const expected = cli<{ generations: AuditedGeneration[]; baseline: { testAccuracy: number; withAudit: { testAccuracy: number } } }>(`#${LINK}`, '--json');
    const rejected = expected.generations.filter((g) => g.gate?.accepted === false);
    expect(rejected.length).toBeGreaterThan(0);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw new Error(`uncaught error in the page: ${error.message}`);
    });
    await page.goto(inject('baseUrl') + `#${LINK}`);
    // The label count names the audit apart from the labels.
    await expect.poll(() => page.locator('.data-view').textContent()).toContain('8 labelled + 20 audit, 200 unlabelled');
    await runToEnd(page);

    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Generations' }) });
    const header = await table.locator('thead th').allTextContents();
    expect(header.slice(0, 5)).toEqual(['Generation', 'Test accuracy', 'Audit estimate', 'Audit interval', 'Gate']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ cells: Array.from(tr.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').trim()), rejected: tr.classList.contains('results__row--rejected') })),
    );
    expect(rows).toHaveLength(expected.generations.length);
    for (const [g, generation] of expected.generations.entries()) {
      const { estimate, low, high } = generation.audit;
      const gate = generation.gate ? (generation.gate.accepted ? 'accepted' : `rejected: ${generation.gate.reason}`) : '—';
      expect(rows[g].cells.slice(0, 5)).toEqual([String(generation.generation), percent(generation.testAccuracy), percent(estimate), `${percent(low).replace('%', '')}–${percent(high)}`, gate]);
      expect(rows[g].rejected).toBe(generation.gate?.accepted === false);
    }
    expect(rows.find((row) => row.rejected)!.cells[4]).toMatch(/^rejected: The challenger's \d+(\.\d)?% on the audit is below the champion's \d+(\.\d)?%/);
    const last = expected.generations.at(-1)!;
    expect(await page.locator('.results__audit-summary').textContent()).toBe(
      `The audit (20 checked examples) puts generation ${last.generation} at ${percent(last.audit.estimate)} (${percent(last.audit.low).replace('%', '')}–${percent(last.audit.high)}); the test set measures ${percent(last.testAccuracy)}.`,
    );

    // The chart draws the same estimates, the labels + audit line and rings on the rejected generations.
    const plot = page.locator('.chart__plot--accuracy .uplot');
    await expect.poll(() => plot.getAttribute('data-with-audit')).toBe(String(expected.baseline.withAudit.testAccuracy * 100));
    const estimates = (await plot.getAttribute('data-audit'))!.split(' ').map(Number);
    expect(estimates).toEqual(expected.generations.map((g) => g.audit.estimate * 100));
    expect(await plot.getAttribute('data-rejected')).toBe(rejected.map((g) => g.generation).join(' '));
    const legend = await page.locator('figure.chart', { hasText: 'Accuracy per generation' }).locator('.chart__legend').textContent();
    for (const label of ['judged by the audit (20 checked examples)', 'Audit estimate (20 checked examples)', 'Labels + audit', 'Rejected by the gate']) expect(legend).toContain(label);
    await context.close();
  });
});
