/** The split of any dataset: drawn from the seed, made from the class's own points, or from the images the host loaded. */
import { decodePoints } from './customPoints.ts';
import { makeCustomSplit } from './customSplit.ts';
import { DATASETS, isImageDataset } from './datasets.ts';
import type { LoadedImages } from './images/format.ts';
import { makeImageSplit } from './images/split.ts';
import { makeSplit, SplitError, type SplitSpec } from './split.ts';
import type { Split } from './types.ts';

/** Image sets need their images loaded first (imageRequestFor says which), because loading is the host's: fetch or disk. */
export function makeDatasetSplit(spec: SplitSpec, images: LoadedImages | undefined): Split {
  if (DATASETS[spec.data].kind === 'custom') return makeCustomSplit(decodePoints(spec.points).points, spec);
  if (!isImageDataset(spec.data)) return makeSplit(spec);
  if (!images) throw new SplitError(`${spec.data} needs its images loaded first (loadImages with imageRequest(config)) and passed as options.images`);
  return makeImageSplit(spec, images);
}
