import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { CROSS_ORIGIN_ISOLATION } from '../scripts/crossOriginIsolation.ts';

/** Where `npm run bench` builds the bench page (bench-results/ is gitignored). */
export const BENCH_PAGE_OUT = fileURLToPath(new URL('../bench-results/page', import.meta.url));

// The bench page only: its own root, no React, every asset (tfjs's .wasm included) served from
// here; cross-origin isolated, as the site is, so autodidact-wasm and jax-js-wasm run on threads.
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { outDir: BENCH_PAGE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192 },
  preview: { host: '127.0.0.1', headers: CROSS_ORIGIN_ISOLATION },
});
