import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TITLE_HEIGHT } from '../../app/downloads/chartImage.ts';
import { encodeLink } from '../../src/config/codec.ts';
import { smallConfig } from '../selftrain/fixtures.ts';
import { launchChromium } from './browser.ts';
import { runToEnd } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function download(page: Page, name: string): Promise<{ name: string; data: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return { name: file.suggestedFilename(), data: new Uint8Array(readFileSync(await file.path())) };
}

/** An RFC 4180 reader, enough for the check: quoted fields with doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field === '' && row.length === 0, 'the last record ends in CRLF').toBe(true);
  return rows;
}

test('saves the accuracy chart as a PNG of the plot with its title and legend, and the Generations table as CSV', async () => {
  // Three students: the table has the population's columns too.
  const config = smallConfig({ gens: 2, students: 3 });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`uncaught error in the page: ${error.message}`);
  });
  await page.goto(`${inject('baseUrl')}#${encodeLink(config)}`);
  await expect(page.getByRole('button', { name: 'Save table (CSV)' }).isDisabled()).resolves.toBe(true);
  await runToEnd(page);

  const png = await download(page, 'Save accuracy chart (PNG)');
  expect(png.name).toBe('moons-accuracy.png');
  expect(Array.from(png.data.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const header = new DataView(png.data.buffer, png.data.byteOffset + 8, 25);
  expect(new TextDecoder().decode(png.data.slice(12, 16))).toBe('IHDR');
  const size = { width: header.getUint32(8), height: header.getUint32(12) };
  const plot = page.locator('.chart__plot--accuracy canvas');
  const canvas = await plot.evaluate((element: HTMLCanvasElement) => ({ width: element.width, height: element.height, css: element.getBoundingClientRect().width }));
  // As wide as the plot canvas (at the page's pixel ratio, 2 here), taller by the title and the legend.
  expect(canvas.width).toBe(Math.round(canvas.css * 2));
  expect(size.width).toBe(canvas.width);
  expect(size.height).toBeGreaterThan(canvas.height + TITLE_HEIGHT * 2);

  // The plot in the image is the chart's canvas, pixel for pixel (on white).
  const difference = await plot.evaluate(async (element: HTMLCanvasElement, { bytes, top }) => {
    const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const paint = (draw: (ctx: CanvasRenderingContext2D) => void) => {
      const scratch = document.createElement('canvas');
      scratch.width = element.width;
      scratch.height = element.height;
      const ctx = scratch.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, scratch.width, scratch.height);
      draw(ctx);
      return ctx.getImageData(0, 0, scratch.width, scratch.height).data;
    };
    const expected = paint((ctx) => ctx.drawImage(element, 0, 0));
    const saved = paint((ctx) => ctx.drawImage(image, 0, -top));
    let most = 0;
    let ink = 0;
    for (let i = 0; i < expected.length; i++) {
      most = Math.max(most, Math.abs(expected[i] - saved[i]));
      if (expected[i] < 200) ink++;
    }
    return { most, ink };
  }, { bytes: Array.from(png.data), top: TITLE_HEIGHT * 2 });
  expect(difference.ink).toBeGreaterThan(1000);
  expect(difference.most).toBeLessThanOrEqual(2);

  const loss = await download(page, 'Save loss chart (PNG)');
  expect(loss.name).toBe('moons-loss.png');
  expect(Array.from(loss.data.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]);

  const csv = await download(page, 'Save table (CSV)');
  expect(csv.name).toBe('moons-generations.csv');
  const text = new TextDecoder().decode(csv.data);
  const table = page.locator('#generations-table');
  const shown = await table.evaluate((element: HTMLTableElement) =>
    Array.from(element.querySelectorAll('thead tr, tbody tr'), (row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.innerText.replace(/\s+/g, ' ').trim())),
  );
  const rows = readCsv(text);
  expect(rows).toEqual(shown);
  expect(rows).toHaveLength(1 + 3);
  expect(rows[0]).toEqual(expect.arrayContaining(['Generation', 'Test accuracy', 'Students min–max', 'Chosen student', 'Each student', 'Pseudo-label accuracy']));
  expect(rows.slice(1).map((row) => row[0])).toEqual(['0', '1', '2']);
  await context.close();
});
