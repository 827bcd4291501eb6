import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { build } from 'vite';

/** The page's budget for the JavaScript its first load runs (issue 17's page-quality figures), gzipped. */
const INITIAL_JS_BUDGET = 150 * 1024;

const outDir = mkdtempSync(join(tmpdir(), 'autodidact-prod-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('the production build loads at most 150 KB of JavaScript, gzipped, before anything is asked for', async () => {
  // Production, as a visitor gets it: the e2e site is built in vitest's test mode, with React's development build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = previous;
  }
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // What index.html loads at once: its module script and any module it preloads; workers and lazy chunks load later.
  const scripts = [...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
  expect(scripts.length).toBeGreaterThan(0);
  const bytes = scripts.reduce((total, file) => total + gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length, 0);
  console.log(`initial JavaScript: ${scripts.join(', ')}: ${bytes.toLocaleString('en-US')} bytes gzipped`);
  expect(bytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  // React's production build: its development warnings are not in it.
  expect(readFileSync(join(outDir, scripts[0]), 'utf8')).not.toContain('Download the React DevTools');
});
