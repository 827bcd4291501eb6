import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ExperimentResult, GenerationResult } from '../../src/selftrain/events.ts';
import { launchChromium } from './browser.ts';
import { cli, runToEnd } from './page.ts';

/**
 * Every part of the self-improving loop at once (issue 15): eight students, a committee critic,
 * an audit of 20 that judges them and gates the champion, and a bandit over recipes. Small
 * enough for the CPU backend in seconds.
 */
const LINK =
  'v=1&data=moons&labels=8&noise=10&classes=2&pool=300&test=300&model=mlp&hidden=8&act=tanh&dropout=0.1&inoise=0.3&opt=adam&lr=0.03&' +
  'l2=0&batch=16&epochs=20&select=balanced&tau=0.9&percent=20&k=30&soft=1&temperature=0.5&lweight=20&student=warm&gens=4&' +
  'students=8&critic=committee&agree=5&audit=20&gate=1&search=bandit&seed=7&labeler=engine';

/**
 * A generation's fields that the CLI's JSON carries (src/cli/report.ts generationJson), taken from
 * `g`, without the wall-clock seconds, which differ between any two runs.
 */
function numbers(g: GenerationResult, cliFields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(cliFields.filter((key) => key !== 'seconds').map((key) => [key, g[key as keyof GenerationResult]]));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the whole self-improving loop in the page', () => {
  // The JavaScript reference and the WebAssembly SIMD kernels each give the page the CLI's numbers on their own backend.
  test.each(['cpu', 'wasm'])("on %s, students, critic, audit, gate and bandit search give the CLI's numbers, field for field", async (backend) => {
    const link = `${LINK}&backend=${backend}`;
    const expected = cli<ExperimentResult>(`#${link}`, '--json');
    expect(expected.backend).toBe(backend);
    // The link exercises every part: a critic that votes, an audit, a gate's verdicts and the bandit's recipes.
    const later = expected.generations.slice(1);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((g) => g.critic && g.audit && g.gate && g.recipes && g.students?.judge === 'audit')).toBe(true);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(inject('baseUrl') + `#${link}`);
    await runToEnd(page);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Metrics (JSON)' }).click()]);
    const metrics = JSON.parse(readFileSync(await file.path(), 'utf8')) as ExperimentResult;
    expect(metrics.backend).toBe(backend);
    expect(metrics.generations).toHaveLength(expected.generations.length);
    for (const [g, generation] of expected.generations.entries()) {
      const fields = Object.keys(generation);
      expect(numbers(metrics.generations[g], fields)).toEqual(numbers(generation, fields));
    }
    expect(metrics.baseline).toEqual(expected.baseline);
    expect(metrics.oracle).toEqual(expected.oracle);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
