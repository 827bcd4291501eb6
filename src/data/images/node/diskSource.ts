/** The Node byte source for ../load.ts: the converted files on disk, converted on first use. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ByteSource } from '../load.ts';
import { ensureImageCache, IMAGE_CACHE_DIR } from './convert.ts';

/** Reads the stored image files from `dir`, converting the packages into it first if needed. */
export function diskSource(dir: string = IMAGE_CACHE_DIR): ByteSource {
  ensureImageCache(dir);
  return async (file, onBytes) => {
    const bytes = new Uint8Array(await readFile(join(dir, file)));
    onBytes?.(bytes.length);
    return bytes;
  };
}
