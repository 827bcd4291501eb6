/**
 * The label of a row with no class known: only a custom pool point drawn or imported without
 * one (src/data/customSplit.ts). It is pseudo-labelled and trained on like any pool row, and
 * never scored: every measure against the truth reads only the rows with a class.
 */
export const UNCLASSED = -1;

/** How many of `labels` (a Dataset's `y`) are UNCLASSED. */
export function countUnclassed(labels: Int32Array): number {
  let count = 0;
  for (const label of labels) if (label === UNCLASSED) count++;
  return count;
}

/** A set of examples: row-major features and integer class labels. */
export interface Dataset {
  /** n × dim features, row-major. */
  x: Float32Array;
  /** Image sets: the same features as the pixel bytes they came from (x = PIXEL_VALUES[pixels]), kept as bytes on a backend. */
  pixels?: Uint8Array;
  /** n class indices in [0, classes); in a custom pool, UNCLASSED for a point without a class. */
  y: Int32Array;
  n: number;
  dim: number;
  classes: number;
}

/** The disjoint parts of an experiment's data. */
export interface Split {
  /** The few examples whose labels the model may see (balanced over classes). */
  labelled: Dataset;
  /** Unlabelled examples; their `y` is known to the playground for measurement only (UNCLASSED where no class is known). */
  pool: Dataset;
  test: Dataset;
  /**
   * With `audit` > 0: examples a person checked, balanced over classes like `labelled`, that
   * judge the students and are never trained on (src/selftrain/audit.ts).
   */
  audit?: Dataset;
  classNames: string[];
}
