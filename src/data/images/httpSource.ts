/** The page's byte source for ./load.ts: the site's own files, over fetch, with download progress. */
import { ImageDataError, type ByteSource } from './load.ts';

/** Where the site serves the image data, relative to its base. */
export const IMAGE_DATA_PATH = 'data/images/';

/** Fetches the stored files under `baseUrl` (an absolute URL ending in the data folder, e.g. from IMAGE_DATA_PATH). */
export function httpSource(baseUrl: string): ByteSource {
  return async (file, onBytes) => {
    const url = new URL(file, baseUrl);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new ImageDataError(`could not fetch ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new ImageDataError(`could not fetch ${file}: HTTP ${response.status} ${response.statusText}`);
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const parts: Uint8Array[] = [];
    let received = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.length;
      onBytes?.(received);
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return bytes;
  };
}
