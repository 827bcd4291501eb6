/** The experiment a link describes. Every field is validated and clamped by `src/config/params.ts`. */

import type { DatasetName } from '../data/datasets.ts';

/** The datasets are named once, in their table (src/data/datasets.ts). */
export type { DatasetName };

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const OPTIMIZERS = ['sgd', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const SELECTIONS = ['threshold', 'curriculum', 'balanced'] as const;
export type SelectionName = (typeof SELECTIONS)[number];

export const STUDENTS = ['fresh', 'warm'] as const;
export type StudentInit = (typeof STUDENTS)[number];

// critic (issue 15): who may veto a teacher's pseudo-label.
export const CRITICS = ['none', 'committee'] as const;
export type CriticName = (typeof CRITICS)[number];

// search (issue 15): how each generation's students pick their recipes.
export const SEARCHES = ['off', 'bandit', 'pbt'] as const;
export type SearchName = (typeof SEARCHES)[number];

// pretrain (issue 18): the self-supervised warm-up before generation 0 (src/selftrain/warmup.ts).
export const PRETRAINS = ['none', 'denoise', 'rotate'] as const;
export type PretrainTask = (typeof PRETRAINS)[number];

export const BACKENDS = ['auto', 'cpu', 'wasm', 'webgpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

// labeler (issue 5): who runs each frozen teacher's labelling pass.
export const LABELERS = ['engine', 'onnx'] as const;
export type LabelerName = (typeof LABELERS)[number];

/** A multilayer perceptron, or a small CNN (image data only). */
export const MODELS = ['mlp', 'cnn'] as const;
export type ModelName = (typeof MODELS)[number];

export interface ExperimentConfig {
  /** Link format version. */
  v: number;
  data: DatasetName;
  /**
   * The class's own points under `data=custom`, as the link carries them (src/data/customPoints.ts:
   * four base64url characters a point); '' for none. Links write it only under `data=custom`.
   */
  points: string;
  /** Labelled examples in total, balanced over classes. */
  labels: number;
  /** Label/position noise in percent, 0-50. */
  noise: number;
  classes: number;
  /** Unlabelled pool size. */
  pool: number;
  /** Test set size. */
  test: number;
  model: ModelName;
  /** Hidden layer widths, e.g. [16, 16]; for the CNN, its dense layers after the conv blocks. */
  hidden: number[];
  /** The CNN's filters per conv block (3×3 conv + relu + 2×2 max-pool), e.g. [8, 16]; unused by the MLP. */
  filters: number[];
  act: Activation;
  /** Dropout rate on hidden layers while training (student noise). */
  dropout: number;
  /** Standard deviation of Gaussian input noise while training (student noise). */
  inoise: number;
  /** Largest random shift of a training image, in pixels, each direction (student noise; images only). */
  shift: number;
  /** Mixup: train on blends of pairs of examples and of their labels (student noise). */
  mixup: boolean;
  opt: OptimizerName;
  lr: number;
  /** L2 weight decay coefficient. */
  l2: number;
  batch: number;
  /** Epochs per generation. */
  epochs: number;
  /**
   * The self-supervised warm-up before generation 0, on the labelled rows and the pool with no
   * label used: `denoise` rebuilds each input from a corrupted copy, `rotate` (images) tells
   * which of four quarter turns an image was given. Its layers start generation 0.
   */
  pretrain: PretrainTask;
  /** The warm-up's epochs over the labelled rows and the pool. */
  pepochs: number;
  /** Under `pretrain=denoise`: the standard deviation of the Gaussian noise that corrupts each input. */
  pnoise: number;
  select: SelectionName;
  /** Confidence threshold for `threshold` selection. */
  tau: number;
  /** Curriculum step in percent: generation g admits the top min(100, g * percent)% per class. */
  percent: number;
  /** Pseudo-labels per predicted class for `balanced` selection (grows by k each generation). */
  k: number;
  /** Soft labels (teacher probabilities sharpened by temperature) instead of hard ones. */
  soft: boolean;
  temperature: number;
  /** How much a labelled example weighs against a pseudo-labelled one in the loss. */
  lweight: number;
  student: StudentInit;
  /** Generations after generation 0. */
  gens: number;
  /**
   * Students per generation (a population), trained side by side in the same ops, each from
   * its own seed. The best, judged by its agreement with the others' majority vote on the pool,
   * teaches the next generation. 1: one student, as before.
   */
  students: number;
  /**
   * The critic: `committee` admits a teacher's pseudo-label only where at least `agree` of the
   * previous generation's students (all of them, the teacher too) predict the same class.
   */
  critic: CriticName;
  /** Committee votes a pseudo-label needs (1 to `students`); used only under `critic=committee`. */
  agree: number;
  /**
   * Audit examples: labelled examples a person checked, drawn by seed apart from the labels,
   * pool and test set and never trained on. With any, they judge the students (the highest
   * audit accuracy teaches next) and give an interval for the chosen one's true accuracy.
   */
  audit: number;
  /** Champion and challenger: a generation's best replaces its teacher only if its audit accuracy is at least the teacher's (needs `audit`). */
  gate: boolean;
  /**
   * The recipe search (src/selftrain/recipe.ts): `bandit` allots the students among recipe arms by
   * their past score gains, `pbt` copies the best student's weights and recipe into the weakest
   * and perturbs the copies; `off` trains every student with the config's own recipe.
   */
  search: SearchName;
  seed: number;
  backend: BackendChoice;
  /** Who labels the pool each generation: the engine, or onnxruntime-web on the teacher's exported ONNX model. */
  labeler: LabelerName;
}
