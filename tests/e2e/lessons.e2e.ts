import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LESSONS } from '../../app/lessons/index.ts';
import { launchChromium } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page at `hash` that fails the test on any uncaught error. */
async function open(hash: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  await page.goto(`${inject('baseUrl')}#${hash}`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  return page;
}

describe('guided lessons', () => {
  test('the Lessons menu opens a lesson at step 1 from the keyboard, and printing shows the worksheet and teacher notes, not the controls', async () => {
    const page = await open('backend=cpu');
    const menu = page.getByRole('button', { name: 'Lessons' });
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    // Escape folds the list back and returns to the button; Enter opens it again.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const lesson = LESSONS[2];
    await page.getByRole('button', { name: new RegExp(`^${lesson.title}`) }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: `Lesson: ${lesson.title}` });
    await panel.getByRole('heading', { name: `Step 1 of ${lesson.steps.length}: ${lesson.steps[0].title}` }).waitFor();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#${lesson.steps[0].link.replace('backend=auto', 'backend=cpu')}&lesson=${lesson.name}&step=1`);
    // On screen the teacher notes are folded into a <details>; the worksheet is not shown.
    const worksheet = page.locator('.lesson-print');
    expect(await worksheet.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await worksheet.isVisible()).toBe(true);
    expect(await page.getByText(lesson.notes.discuss[0]).last().isVisible()).toBe(true);
    expect(await page.getByText(lesson.notes.wrongPredictions[0]).last().isVisible()).toBe(true);
    for (const step of lesson.steps) expect(await worksheet.getByText(step.question).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Autodidact' }).isVisible()).toBe(false);
    expect(await page.locator('canvas').first().isVisible()).toBe(false);
    await page.close();
  });

  test('in presenter mode at 1920×1080 the lesson panel and the Lessons menu are readable from the back: no text under 20 px', async () => {
    const page = await open('backend=cpu&present=1&lesson=own-labels&step=1');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.locator('.lesson details summary').click();
    const small = await page.locator('.lesson, .lesson-menu').evaluateAll((roots) => {
      const found: string[] = [];
      for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node.parentElement;
          if (!element || !node.textContent?.trim() || !element.checkVisibility()) continue;
          const size = parseFloat(getComputedStyle(element).fontSize);
          if (size < 20) found.push(`${element.tagName} ${size}px: ${node.textContent.trim().slice(0, 40)}`);
        }
      }
      return found;
    });
    expect(await page.locator('.lesson-menu__summary').first().isVisible()).toBe(true);
    expect(small).toEqual([]);
    await page.close();
  });

  for (const lesson of LESSONS) {
    test(`"${lesson.title}" runs start to finish, each step unlocking the next only when its run is done`, async () => {
      const page = await open(`backend=cpu&lesson=${lesson.name}&step=1`);
      const panel = page.getByRole('region', { name: `Lesson: ${lesson.title}` });
      await expect.poll(() => panel.isVisible()).toBe(true);
      const next = panel.getByRole('button', { name: 'Next step' });
      const runStep = panel.getByRole('button', { name: 'Run this step' });
      for (const [index, step] of lesson.steps.entries()) {
        const number = index + 1;
        const last = number === lesson.steps.length;
        const heading = panel.getByRole('heading', { name: `Step ${number} of ${lesson.steps.length}: ${step.title}` });
        await heading.waitFor();
        // Next took focus to the new step's heading (the Next button itself is locked again).
        if (number > 1) expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
        // Locked: no explanation yet, Next disabled, and Run this step waits for a prediction.
        expect(await panel.getByRole('heading', { name: 'What happened' }).count()).toBe(0);
        if (!last) expect(await next.isDisabled()).toBe(true);
        expect(await runStep.getAttribute('aria-disabled')).toBe('true');
        // The page, and its link, are set to the step's experiment, on the CPU the link asked for.
        await expect.poll(() => new URL(page.url()).hash).toBe(`#${step.link.replace('backend=auto', 'backend=cpu')}&lesson=${lesson.name}&step=${number}`);
        // Predict with the keyboard: focus the first choice and press the arrow key to the second.
        const choices = panel.getByRole('radio');
        expect(await choices.count()).toBe(step.choices.length);
        await choices.first().focus();
        await page.keyboard.press('ArrowDown');
        expect(await choices.nth(1).isChecked()).toBe(true);
        expect(await runStep.getAttribute('aria-disabled')).toBe('false');
        await runStep.click();
        const result = panel.getByRole('heading', { name: 'What happened' });
        await result.waitFor({ timeout: 150_000 });
        expect(await page.getByRole('status').filter({ hasText: /Done/ }).count()).toBeGreaterThan(0);
        // The explanation takes focus, marks the prediction, and the unlock is announced.
        expect(await result.evaluate((element) => element === document.activeElement)).toBe(true);
        const verdict = step.choices[1].right ? `Your prediction, "${step.choices[1].text}", was right.` : `the answer was "${step.choices.find((choice) => choice.right)!.text}"`;
        expect(await panel.textContent()).toContain(verdict);
        expect(await panel.textContent()).toContain(step.tryThis);
        const live = panel.locator('[aria-live="polite"]');
        if (last) {
          expect(await live.textContent()).toBe('Lesson complete.');
          expect(await next.count()).toBe(0);
        } else {
          expect(await live.textContent()).toBe(`Step ${number + 1} is unlocked.`);
          expect(await next.isDisabled()).toBe(false);
          await next.click();
        }
      }
      await page.close();
    });
  }
});
