import { useEffect, useState } from 'react';
import { httpSource, IMAGE_DATA_PATH } from '../../src/data/images/httpSource.ts';
import { loadImages } from '../../src/data/images/load.ts';
import { imageRequest, makeImageSplit } from '../../src/data/images/split.ts';
import type { SplitSpec } from '../../src/data/split.ts';
import type { Split } from '../../src/data/types.ts';
import { useSplitSpec } from '../data/useSplitSpec.ts';

/** An image experiment's data as the page sees it: loading (bytes so far), ready, or failed. */
export type ImageSplitState =
  | { kind: 'loading'; received: number; total: number }
  | { kind: 'ready'; split: Split; total: number }
  | { kind: 'error'; message: string };

/**
 * Loads the images of `config` from the site (the worker loads the same files; the browser's
 * cache serves the second request) and builds the same split the worker trains on.
 */
export function useImageSplit(config: SplitSpec): ImageSplitState {
  const spec = useSplitSpec(config);
  // Tagged with the settings it belongs to, so a change shows "loading" at once without a reset in the effect.
  const [state, setState] = useState<{ spec: SplitSpec; value: ImageSplitState } | null>(null);
  useEffect(() => {
    let current = true;
    const setValue = (value: ImageSplitState) => current && setState({ spec, value });
    let total = 0;
    loadImages(imageRequest(spec), httpSource(new URL(IMAGE_DATA_PATH, document.baseURI).href), (received, all) => {
      total = all;
      setValue({ kind: 'loading', received, total: all });
    })
      .then((images) => setValue({ kind: 'ready', split: makeImageSplit(spec, images), total }))
      .catch((error: unknown) => setValue({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      current = false;
    };
  }, [spec]);
  return state?.spec === spec ? state.value : { kind: 'loading', received: 0, total: 0 };
}
