/**
 * The split of the class's own points (`data=custom`), the way the drawn sets split: the
 * model sees `labels` of the classed points, balanced over the classes and drawn by seed;
 * `audit` more are set aside the same way; a quarter of the rest, drawn by seed, is the test
 * set, and the others are the pool, whose classes only score the pseudo-labels.
 *
 * Points without a class join the pool, after the classed pool points and in an order drawn
 * by seed, with the label UNCLASSED: the model pseudo-labels them and trains on them like any
 * pool point, and they are never scored (src/selftrain/metrics.ts reads only the classed
 * rows). They never go into the labels, the audit or the test set, and the classed points
 * split exactly as they would without them.
 */
import { customClassNames, MAX_CUSTOM_CLASSES, type CustomPoint } from './customPoints.ts';
import type { Point2D } from './datasets2d.ts';
import { createRng, type Rng } from './rng.ts';
import { labelQuotas, SALT_AUDIT, SALT_LABELLED, SALT_TEST, SALT_UNCLASSED, SplitError, toDataset } from './split.ts';
import { UNCLASSED, type Split } from './types.ts';

/** Share of the points left after the labels and audit that the test set takes. */
export const CUSTOM_TEST_SHARE = 0.25;

/** What a custom split depends on besides its points. */
export interface CustomSplitSpec {
  labels: number;
  audit: number;
  seed: number;
}

/** What the page and the CLI say of a pool with `count` points without a class; empty for none. */
export function unclassedNote(count: number): string {
  if (count === 0) return '';
  return `${count} of the pool ${count === 1 ? 'has' : 'have'} no class: pseudo-labelled and trained on, not scored`;
}

/** Classes the points use: one past the highest class, at least two. */
export function customClasses(points: readonly CustomPoint[]): number {
  return Math.min(MAX_CUSTOM_CLASSES, Math.max(2, ...points.map((point) => (point.label ?? -1) + 1)));
}

/** The same points and seed give the same split; too few classed points throw a SplitError saying how many are needed. */
export function makeCustomSplit(points: readonly CustomPoint[], spec: CustomSplitSpec): Split {
  const classes = customClasses(points);
  const byClass: Point2D[][] = Array.from({ length: classes }, () => []);
  const unclassed: Point2D[] = [];
  for (const point of points) {
    if (point.label === undefined) unclassed.push({ x: point.x, y: point.y, label: UNCLASSED });
    else byClass[point.label].push({ x: point.x, y: point.y, label: point.label });
  }
  const classed = byClass.reduce((sum, bucket) => sum + bucket.length, 0);
  const needed = spec.labels + spec.audit + 2;
  if (classed < needed) {
    throw new SplitError(`labels=${spec.labels}${spec.audit > 0 ? ` and audit=${spec.audit}` : ''} need at least ${needed} points with a class (a pool and a test set too); there are ${classed}`);
  }
  const root = createRng(spec.seed);
  const labelled = takeBalanced(byClass, root.fork(SALT_LABELLED), spec.labels);
  const audit = spec.audit > 0 ? takeBalanced(byClass, root.fork(SALT_AUDIT), spec.audit) : undefined;
  const rest = root.fork(SALT_TEST).shuffle(byClass.flat());
  const testSize = Math.min(rest.length - 1, Math.max(1, Math.round(rest.length * CUSTOM_TEST_SHARE)));
  const split: Split = {
    labelled: toDataset(labelled, classes),
    pool: toDataset([...rest.slice(testSize), ...root.fork(SALT_UNCLASSED).shuffle(unclassed)], classes),
    test: toDataset(rest.slice(0, testSize), classes),
    classNames: customClassNames(classes),
  };
  if (audit) split.audit = toDataset(audit, classes);
  return split;
}

/**
 * Takes `count` points out of the buckets, an even share per class as the drawn sets have
 * (labelQuotas); a class short of its share gives what it has and the others make up the
 * difference, one point each in turn. Each bucket is shuffled by `rng` first, so the seed picks the points.
 */
function takeBalanced(byClass: Point2D[][], rng: Rng, count: number): Point2D[] {
  for (const bucket of byClass) rng.shuffle(bucket);
  const quotas = labelQuotas(count, byClass.length);
  const taken: Point2D[] = [];
  let owed = 0;
  byClass.forEach((bucket, c) => {
    const share = Math.min(bucket.length, quotas[c]);
    owed += quotas[c] - share;
    taken.push(...bucket.splice(0, share));
  });
  // One each from the classes that still have points, in class order, until the count is made up.
  owed = Math.min(owed, byClass.reduce((sum, bucket) => sum + bucket.length, 0));
  while (owed > 0) {
    for (const bucket of byClass) {
      if (owed === 0 || bucket.length === 0) continue;
      taken.push(...bucket.splice(0, 1));
      owed--;
    }
  }
  return rng.shuffle(taken);
}
