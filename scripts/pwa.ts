/**
 * The installable, offline site: vite-plugin-pwa's Workbox service worker precaches the app
 * (its HTML, scripts, styles and icon), the engine's WebAssembly kernels and the image chunks
 * every image preset loads, so after one online visit the page reloads and runs every preset
 * with the network gone. Image chunks beyond the presets' are cached as they are first loaded
 * (cache first: a chunk's name and checksum never change within a manifest version), as is
 * onnxruntime's 26.8 MB WebAssembly for labeler=onnx, which only that labeler downloads.
 * The page registers the worker itself (app/pwa/), to tell the person when an update arrived.
 */
import { decodeLink } from '../src/config/codec.ts';
import { PRESETS } from '../src/config/presets.ts';
import { imageRequestFor } from '../src/data/datasets.ts';
import { MANIFEST_FILE } from '../src/data/images/format.ts';
import { IMAGE_DATA_PATH } from '../src/data/images/httpSource.ts';
import { chunksFor } from '../src/data/images/load.ts';
import { ensureImageCache, IMAGE_CACHE_DIR } from '../src/data/images/node/convert.ts';
import { VitePWA } from 'vite-plugin-pwa';

/** The image files the presets load, relative to the site: the manifest and each preset's training and test chunks. */
export function presetImageFiles(): string[] {
  const manifest = ensureImageCache(IMAGE_CACHE_DIR);
  const files = new Set<string>();
  for (const preset of PRESETS) {
    const request = imageRequestFor(decodeLink(preset.link).config);
    if (!request) continue;
    const entry = manifest.datasets[request.data];
    files.add(MANIFEST_FILE);
    for (const chunk of [...chunksFor(entry.train, request.train, request.data), ...chunksFor(entry.test, request.test, request.data)]) files.add(chunk.file);
  }
  return [...files].sort().map((file) => `${IMAGE_DATA_PATH}${file}`);
}

export function pwa() {
  return VitePWA({
    injectRegister: false,
    registerType: 'autoUpdate',
    manifest: {
      name: 'Autodidact: watch a neural network teach itself',
      short_name: 'Autodidact',
      description: 'A small model trains in your browser from a handful of labels, labels the rest itself and retrains on its own labels, generation after generation.',
      theme_color: '#1d4ed8',
      background_color: '#ffffff',
      display: 'standalone',
      start_url: './',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg,webmanifest}', 'assets/kernels*.wasm', ...presetImageFiles()],
      // The app's largest script is well under this; onnxruntime's WebAssembly (26.8 MB) is left to the runtime cache below.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      globIgnores: ['**/*.map'],
      navigateFallback: 'index.html',
      // A new version takes over at once (open pages keep the files they loaded; the next load gets the new ones).
      skipWaiting: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        { urlPattern: ({ url }) => url.pathname.includes(`/${IMAGE_DATA_PATH}`), handler: 'CacheFirst', options: { cacheName: 'autodidact-images' } },
        { urlPattern: ({ url }) => /\/ort-[^/]*\.wasm$/.test(url.pathname), handler: 'CacheFirst', options: { cacheName: 'autodidact-onnxruntime' } },
      ],
    },
  });
}
