/**
 * Serves the digit-image data from the site itself: in dev from the converted cache, in a
 * build as assets under `data/images/`, converted from the npm packages on first use
 * (src/data/images/node/convert.ts). The data is never committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { IMAGE_DATA_PATH } from '../src/data/images/httpSource.ts';
import { MANIFEST_FILE } from '../src/data/images/format.ts';
import { ensureImageCache, IMAGE_CACHE_DIR } from '../src/data/images/node/convert.ts';

/** The chunk files and the manifest, by name. */
function storedFiles(): string[] {
  const manifest = ensureImageCache(IMAGE_CACHE_DIR);
  const chunks = Object.values(manifest.datasets).flatMap(({ train, test }) => [...train, ...test]);
  return [MANIFEST_FILE, ...chunks.map((chunk) => chunk.file)];
}

export function imageData(): Plugin {
  return {
    name: 'autodidact-image-data',
    configureServer(server) {
      const files = new Set(storedFiles());
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0];
        const at = path.indexOf(`/${IMAGE_DATA_PATH}`);
        const file = at >= 0 ? path.slice(at + IMAGE_DATA_PATH.length + 1) : '';
        if (!files.has(file)) return next();
        response.setHeader('Content-Type', file === MANIFEST_FILE ? 'application/json' : 'application/octet-stream');
        response.end(readFileSync(join(IMAGE_CACHE_DIR, file)));
      });
    },
    generateBundle() {
      for (const file of storedFiles()) {
        this.emitFile({ type: 'asset', fileName: `${IMAGE_DATA_PATH}${file}`, source: readFileSync(join(IMAGE_CACHE_DIR, file)) });
      }
    },
  };
}
