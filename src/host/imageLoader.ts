import type { ExperimentConfig } from '../config/schema.ts';
import { imageRequestFor } from '../data/datasets.ts';
import type { LoadedImages } from '../data/images/format.ts';
import { loadImages, type ByteSource } from '../data/images/load.ts';

/** Bytes received of the bytes needed (compressed), as an image set downloads. */
export type ImageProgress = (received: number, total: number) => void;

/** The images a run needs: none for 2-D data; the last load again when it covers the same images. */
export type ImageLoader = (config: ExperimentConfig, dataUrl: string, onProgress?: ImageProgress) => Promise<LoadedImages> | undefined;

/**
 * Loads image sets through `source` (the site's files over HTTP in the page, the converted files
 * on disk in Node) and keeps the last load, so running the same data again (the next seed, Run
 * after Reset) reads nothing. A failed load is forgotten, so the next run tries again.
 */
export function createImageLoader(source: (dataUrl: string) => ByteSource): ImageLoader {
  let cached: { key: string; images: Promise<LoadedImages> } | null = null;
  return (config, dataUrl, onProgress) => {
    const request = imageRequestFor(config);
    if (!request) return undefined;
    const key = `${dataUrl}|${request.data}|${request.train}|${request.test}`;
    if (cached?.key !== key) {
      const loading = loadImages(request, source(dataUrl), onProgress);
      cached = { key, images: loading };
      loading.catch(() => cached?.images === loading && (cached = null));
    }
    return cached.images;
  };
}
