import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { imageData } from './scripts/imageDataPlugin.ts';
import { buildWasm } from './scripts/buildWasm.mjs';
import { CROSS_ORIGIN_ISOLATION } from './scripts/crossOriginIsolation.ts';
import { pwa } from './scripts/pwa.ts';

// `base: './'` makes the built site work from any static host, under a subpath too.
// imageData() converts and serves the digit images under data/images/ (never committed).
// The WebAssembly kernels are compiled before Vite bundles or serves them, when they changed.
// pwa() makes the built site installable and offline after one visit (scripts/pwa.ts).
// The dev server and the preview make the page cross-origin isolated, so the WebAssembly
// backend runs its kernels on several threads (docs/backends.md).
export default defineConfig({
  base: './',
  plugins: [react(), imageData(), { name: 'wasm-kernels', buildStart: () => buildWasm({ quiet: true }).then(() => undefined) }, pwa()],
  worker: { format: 'es' },
  server: { host: 'localhost', port: 5173, headers: CROSS_ORIGIN_ISOLATION },
  preview: { host: '127.0.0.1', headers: CROSS_ORIGIN_ISOLATION },
  build: { target: 'es2022', sourcemap: true },
});
