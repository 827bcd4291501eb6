/** The labelled set, unlabelled pool and test set of a 2-D experiment, from its seed alone. */
import { classNames, DATASETS, type DatasetName } from './datasets.ts';
import { DATA_HALF_WIDTH, type Point2D, type PointSampler } from './datasets2d.ts';
import { createRng, type Rng } from './rng.ts';
import type { Dataset, Split } from './types.ts';

/** Salts that give each part its own stream, so changing `labels` leaves pool and test as they were. */
const SALT_POOL = 1;
export const SALT_TEST = 2;
export const SALT_LABELLED = 3;
export const SALT_AUDIT = 4;
/** The order of a custom pool's points without a class (src/data/customSplit.ts). */
export const SALT_UNCLASSED = 5;

/** Give up on a part after this many draws per requested point (never reached in practice). */
const MAX_DRAWS_PER_POINT = 1000;

/** A split that cannot be built: an unvalidated config, or (never seen) a draw that cannot finish. */
export class SplitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SplitError';
  }
}

export const invalid = (problem: string) => new SplitError(`${problem}; pass the config through validateConfig first`);

/** The settings a split depends on, and nothing else: the page redraws the data when one of these changes. */
export const SPLIT_KEYS = ['data', 'points', 'classes', 'labels', 'audit', 'noise', 'pool', 'test', 'seed'] as const;

/** What a split is made from (an experiment's config is one); `points` is the `points=` value, read only under `data=custom`. */
export type SplitSpec = { data: DatasetName; points: string } & Record<Exclude<(typeof SPLIT_KEYS)[number], 'data' | 'points'>, number>;

/** Just the split's settings out of a larger set (an experiment's config). */
export function splitSpecOf(settings: SplitSpec): SplitSpec {
  return Object.fromEntries(SPLIT_KEYS.map((key) => [key, settings[key]])) as SplitSpec;
}

interface DrawContext {
  sampler: PointSampler;
  classes: number;
  /** Noise as a fraction in [0, 0.5]. */
  noise: number;
  /** Float32 coordinates already used by any part, so the parts never share a point. */
  taken: Set<string>;
}

/**
 * Builds the three disjoint parts deterministically from `config.seed`: the same config
 * gives bit-identical arrays. The labelled set holds `labels` examples balanced over the
 * true classes; pool and test are independent draws of the same distribution. With
 * `audit` > 0 a fourth part, drawn last from its own stream like the labelled set, so
 * the other three are the ones `audit=0` draws.
 */
export function makeSplit(config: SplitSpec): Split {
  checkConfig(config);
  const entry = DATASETS[config.data];
  if (entry.kind !== 'points') throw invalid(`${config.data} is not drawn from the seed: build its split with makeDatasetSplit`);
  const root = createRng(config.seed);
  const context: DrawContext = {
    sampler: entry.sampler,
    classes: config.classes,
    noise: config.noise / 100,
    taken: new Set(),
  };
  const pool = drawEven(context, root.fork(SALT_POOL), config.pool);
  const test = drawEven(context, root.fork(SALT_TEST), config.test);
  const labelled = drawBalanced(context, root.fork(SALT_LABELLED), labelQuotas(config.labels, config.classes));
  const split: Split = { labelled, pool, test, classNames: classNames(config) };
  if (config.audit > 0) split.audit = drawBalanced(context, root.fork(SALT_AUDIT), labelQuotas(config.audit, config.classes));
  return split;
}

/**
 * Labelled examples per class: an even share, the remainder going one each to the lowest
 * classes, so the split depends on nothing but the counts.
 */
export function labelQuotas(labels: number, classes: number): number[] {
  const base = Math.floor(labels / classes);
  const remainder = labels - base * classes;
  return Array.from({ length: classes }, (_, c) => base + (c < remainder ? 1 : 0));
}

/**
 * [xMin, xMax, yMin, yMax] for the 2-D view and the decision grid: a square centred on 0
 * with whole-number edges, at least [-6, 6] like Playground's, widened to hold every point
 * (noisy blobs reach further).
 */
export function gridExtent(split: Split): [number, number, number, number] {
  let reach = DATA_HALF_WIDTH;
  for (const part of [split.labelled, split.pool, split.test, ...(split.audit ? [split.audit] : [])]) {
    for (const value of part.x) reach = Math.max(reach, Math.abs(value));
  }
  const half = Math.ceil(reach);
  return [-half, half, -half, half];
}

export function checkConfig(config: SplitSpec): void {
  const range = Object.hasOwn(DATASETS, config.data) ? DATASETS[config.data].classes : undefined;
  if (range === undefined) throw invalid(`unknown dataset "${String(config.data)}"`);
  const isCount = (n: number, min: number) => Number.isInteger(n) && n >= min;
  if (!isCount(config.classes, range.min) || config.classes > range.max) {
    throw invalid(`${config.data} takes ${range.min}-${range.max} classes, not ${config.classes}`);
  }
  if (!isCount(config.labels, config.classes)) {
    throw invalid(`labels (${config.labels}) must be a whole number, at least one per class (${config.classes})`);
  }
  if (!isCount(config.audit, 0)) throw invalid(`audit (${config.audit}) must be a whole number, 0 or more`);
  if (!isCount(config.pool, 1) || !isCount(config.test, 1)) {
    throw invalid(`pool (${config.pool}) and test (${config.test}) must be whole numbers of at least 1`);
  }
  if (!(config.noise >= 0 && config.noise <= 50)) throw invalid(`noise (${config.noise}) must be in 0-50`);
}

/** n points aimed at the classes in turn (as Playground draws n/2 per class), then shuffled. */
function drawEven(context: DrawContext, rng: Rng, n: number): Dataset {
  const points: Point2D[] = [];
  for (let i = 0; i < n; i++) {
    const intended = i % context.classes;
    points.push(drawFresh(context, () => context.sampler(rng, intended, context.classes, context.noise)));
  }
  return toDataset(rng.shuffle(points), context.classes);
}

/**
 * Fills a quota per true class by drawing from the whole distribution and keeping what a
 * class still needs: this samples each class's own distribution, noise flips included.
 */
function drawBalanced(context: DrawContext, rng: Rng, quotas: number[]): Dataset {
  const missing = [...quotas];
  const total = quotas.reduce((sum, quota) => sum + quota, 0);
  const points: Point2D[] = [];
  for (let draws = 0; points.length < total; draws++) {
    if (draws > MAX_DRAWS_PER_POINT * total) {
      throw new SplitError(`could not draw ${total} labelled examples balanced over ${quotas.length} classes`);
    }
    const point = context.sampler(rng, rng.int(context.classes), context.classes, context.noise);
    const key = pointKey(point);
    if (missing[point.label] > 0 && !context.taken.has(key)) {
      missing[point.label]--;
      context.taken.add(key);
      points.push(point);
    }
  }
  return toDataset(rng.shuffle(points), context.classes);
}

/** Redraws until the point (at float32 precision) is not yet in any part. */
function drawFresh(context: DrawContext, draw: () => Point2D): Point2D {
  for (let attempt = 0; attempt < MAX_DRAWS_PER_POINT; attempt++) {
    const point = draw();
    const key = pointKey(point);
    if (!context.taken.has(key)) {
      context.taken.add(key);
      return point;
    }
  }
  throw new SplitError('could not draw distinct points; try fewer points or more noise');
}

const pointKey = (point: Point2D): string => `${Math.fround(point.x)},${Math.fround(point.y)}`;

/** Points as a Dataset: coordinates row by row, labels alongside. */
export function toDataset(points: readonly Point2D[], classes: number): Dataset {
  const x = new Float32Array(points.length * 2);
  const y = new Int32Array(points.length);
  points.forEach((point, i) => {
    x[2 * i] = point.x;
    x[2 * i + 1] = point.y;
    y[i] = point.label;
  });
  return { x, y, n: points.length, dim: 2, classes };
}
