/** A set of examples: row-major features and integer class labels. */
export interface Dataset {
  /** n × dim features, row-major. */
  x: Float32Array;
  /** Image sets: the same features as the pixel bytes they came from (x = PIXEL_VALUES[pixels]), kept as bytes on a backend. */
  pixels?: Uint8Array;
  /** n class indices in [0, classes). */
  y: Int32Array;
  n: number;
  dim: number;
  classes: number;
}

/** The disjoint parts of an experiment's data. */
export interface Split {
  /** The few examples whose labels the model may see (balanced over classes). */
  labelled: Dataset;
  /** Unlabelled examples; their `y` is known to the playground for measurement only. */
  pool: Dataset;
  test: Dataset;
  /**
   * With `audit` > 0: examples a person checked, balanced over classes like `labelled`, that
   * judge the students and are never trained on (src/selftrain/audit.ts).
   */
  audit?: Dataset;
  classNames: string[];
}
