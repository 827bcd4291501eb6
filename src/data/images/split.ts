/**
 * The labelled set, pool and test set of an image experiment. The labelled examples (balanced
 * over the ten classes), the audit's (balanced the same way, taken from the same shuffled
 * order once the labels are filled, so `audit=0` leaves everything as it was) and the pool are drawn by seed from the first training images the
 * experiment loaded (see trainImagesFor); the test set is always the first `test` images of
 * the official test set, so test accuracies compare across runs and tools.
 */
import { classNames, imageRequestFor } from '../datasets.ts';
import { createRng } from '../rng.ts';
import { checkConfig, invalid, labelQuotas, type SplitSpec } from '../split.ts';
import type { Dataset, Split } from '../types.ts';
import { IMAGE_BYTES, IMAGE_CLASSES, type ImageSubset, type LoadedImages } from './format.ts';
import type { ImageRequest } from './load.ts';

/** Salts of the seed's streams, as in ../split.ts: changing `labels` leaves the pool's order as it was. */
const SALT_LABELLED = 3;
const SALT_POOL = 1;

/** The images an experiment needs loaded before its split can be made. */
export function imageRequest(config: Pick<SplitSpec, 'data' | 'labels' | 'pool' | 'test'> & { audit?: number }): ImageRequest {
  const request = imageRequestFor(config);
  if (!request) throw invalid(`${config.data} is not an image set`);
  return request;
}

/** Builds the split of `config` from the loaded images, deterministically from `config.seed`. */
export function makeImageSplit(config: SplitSpec, images: LoadedImages): Split {
  checkConfig(config);
  const request = imageRequest(config);
  if (images.data !== request.data || images.train.n < request.train || images.test.n < request.test) {
    throw invalid(`the loaded images (${images.data}, ${images.train.n} training, ${images.test.n} test) are not the ones ${config.data} with this pool and test needs`);
  }
  const root = createRng(config.seed);
  const order = root.fork(SALT_LABELLED).shuffle(Int32Array.from({ length: request.train }, (_, i) => i));
  const missing = labelQuotas(config.labels, IMAGE_CLASSES);
  const auditMissing = labelQuotas(config.audit, IMAGE_CLASSES);
  const labelled: number[] = [];
  const audit: number[] = [];
  const rest: number[] = [];
  for (const index of order) {
    const label = images.train.labels[index];
    if (missing[label] > 0) {
      missing[label]--;
      labelled.push(index);
    } else if (auditMissing[label] > 0) {
      auditMissing[label]--;
      audit.push(index);
    } else rest.push(index);
  }
  if ([...missing, ...auditMissing].some((count) => count > 0)) {
    throw invalid(`the first ${request.train} training images hold too few of some class for ${config.labels} labels and ${config.audit} audit examples`);
  }
  const pool = root.fork(SALT_POOL).shuffle(rest).slice(0, config.pool);
  const split: Split = {
    labelled: rows(images.train, labelled),
    pool: rows(images.train, pool),
    test: rows(images.test, Array.from({ length: config.test }, (_, i) => i)),
    classNames: classNames({ data: config.data, classes: IMAGE_CLASSES }),
  };
  if (config.audit > 0) split.audit = rows(images.train, audit);
  return split;
}

/** The chosen images as float32 rows scaled to [0, 1] (the engine's PIXEL_VALUES), and as the bytes they came from. */
function rows(set: ImageSubset, indices: readonly number[]): Dataset {
  const x = new Float32Array(indices.length * IMAGE_BYTES);
  const pixels = new Uint8Array(indices.length * IMAGE_BYTES);
  const y = new Int32Array(indices.length);
  indices.forEach((index, row) => {
    const image = set.images.subarray(index * IMAGE_BYTES, (index + 1) * IMAGE_BYTES);
    pixels.set(image, row * IMAGE_BYTES);
    for (let p = 0; p < IMAGE_BYTES; p++) x[row * IMAGE_BYTES + p] = image[p] / 255;
    y[row] = set.labels[index];
  });
  return { x, pixels, y, n: indices.length, dim: IMAGE_BYTES, classes: IMAGE_CLASSES };
}
