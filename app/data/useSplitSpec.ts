import { useMemo } from 'react';
import { splitSpecOf, type SplitSpec } from '../../src/data/split.ts';

/**
 * The settings the data depends on (the engine's SPLIT_KEYS) out of the config, as one value
 * that keeps its identity until one of them changes: a new learning rate must not redraw the
 * points or reload the images.
 */
export function useSplitSpec(config: SplitSpec): SplitSpec {
  // JSON gives the settings back exactly (whole numbers and a name), and a string compares by value.
  const key = JSON.stringify(splitSpecOf(config));
  return useMemo(() => JSON.parse(key) as SplitSpec, [key]);
}
