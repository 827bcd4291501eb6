/**
 * The one table of experiment parameters. Validation, the share-link codec and the UI's
 * controls are all driven by it (after tensorflow/playground's `state.ts`), so adding a
 * parameter here is the whole change.
 */
import { DATASET_NAMES, DATASETS } from '../data/datasets.ts';
import {
  ACTIVATIONS,
  BACKENDS,
  CRITICS,
  LABELERS,
  MODELS,
  OPTIMIZERS,
  PRETRAINS,
  SEARCHES,
  SELECTIONS,
  STUDENTS,
  type CriticName,
  type ExperimentConfig,
  type ModelName,
  type SelectionName,
} from './schema.ts';

export type ParamKey = keyof ExperimentConfig;

/** Where a control sits on the page, in page order. */
export const PARAM_GROUP_NAMES = ['data', 'model', 'training', 'selection', 'run'] as const;
export type ParamGroup = (typeof PARAM_GROUP_NAMES)[number];

interface ParamCommon {
  /** Short label for the control. */
  label: string;
  /** One line of help (tooltip or caption). */
  help: string;
  group: ParamGroup;
  /** The selection strategy this parameter belongs to: show it only when `select` is this. */
  strategy?: SelectionName;
  /** The critic this parameter belongs to: show it only when `critic` is this. */
  critic?: CriticName;
  /** Only meaningful with soft labels: show it only when `soft` is on. */
  softOnly?: true;
  /** The model this parameter belongs to: show it only when `model` is this. */
  model?: ModelName;
  /** Only meaningful for image data: show it only for mnist and fashion. */
  imageOnly?: true;
  /** Written in every link but not a control (the format version). */
  internal?: true;
}

export interface EnumParam<V extends string = string> extends ParamCommon {
  kind: 'enum';
  values: readonly V[];
  default: V;
}

export interface IntParam extends ParamCommon {
  kind: 'int';
  min: number;
  max: number;
  /** Slider granularity; other whole values within range are valid too. */
  step: number;
  default: number;
}

export interface FloatParam extends ParamCommon {
  kind: 'float';
  min: number;
  max: number;
  step: number;
  /** 'log' where the useful values span orders of magnitude (learning rate). */
  scale: 'linear' | 'log';
  default: number;
}

export interface IntListParam extends ParamCommon {
  kind: 'intList';
  minLength: number;
  maxLength: number;
  /** Bounds of every item. */
  min: number;
  max: number;
  step: number;
  default: readonly number[];
}

/** The class's own points, encoded (src/data/customPoints.ts); set by the page's import, not by a control of its own. */
export interface PointsParam extends ParamCommon {
  kind: 'points';
  default: '';
}

export interface BoolParam extends ParamCommon {
  kind: 'bool';
  default: boolean;
}

/** The spec a config value of type V takes (tuples stop enums and booleans distributing). */
type SpecFor<V> = [V] extends [boolean]
  ? BoolParam
  : [V] extends [string]
    ? EnumParam<V>
    : [V] extends [number[]]
      ? IntListParam
      : [V] extends [number]
        ? IntParam | FloatParam
        : never;

/** The spec of one key: `points` is the one string that is not a choice among names. */
type SpecOf<K extends ParamKey> = K extends 'points' ? PointsParam : SpecFor<ExperimentConfig[K]>;

/** Every parameter, keyed by config field. */
export type ParamTable = { readonly [K in ParamKey]: SpecOf<K> };

/** One row of PARAMS: a spec together with its key, discriminated by `key` and `kind`. */
export type ParamSpec = { [K in ParamKey]: SpecOf<K> & { readonly key: K } }[ParamKey];

/** The link format this code writes and reads. */
export const LINK_VERSION = 1;

/** Significant digits kept of a float: enough for any setting, few enough to drop float32 noise (0.030000001). */
const FLOAT_DIGITS = 6;

/** The canonical value of a float setting: rounded to FLOAT_DIGITS significant digits, never -0. */
export function canonicalFloat(value: number): number {
  return Number(value.toPrecision(FLOAT_DIGITS)) + 0;
}

/** Keys appear in links in this order. */
export const PARAM_TABLE = {
  v: {
    kind: 'int', min: LINK_VERSION, max: LINK_VERSION, step: 1, default: LINK_VERSION, group: 'run', internal: true,
    label: 'Link version', help: 'Format version of the link, so later versions of the page can read it',
  },
  data: {
    kind: 'enum', values: DATASET_NAMES, default: 'moons', group: 'data',
    label: 'Dataset', help: 'A 2-D problem (circle, xor, Gaussian blobs, spiral arms, two moons), your own points (from a CSV file) or 28×28 images: MNIST digits, Fashion-MNIST clothes',
  },
  points: {
    kind: 'points', default: '', group: 'data', internal: true,
    label: 'Your points', help: 'The points of data=custom, a CSV file imported: x and y in -6 to 6, a class from 0 to 9',
  },
  labels: {
    kind: 'int', min: 2, max: 500, step: 1, default: 18, group: 'data',
    label: 'Labelled examples', help: 'Examples whose labels the model may see, split evenly over the classes',
  },
  noise: {
    kind: 'int', min: 0, max: 50, step: 5, default: 10, group: 'data',
    label: 'Noise (%)', help: 'How much the classes overlap: 0 is clean, 50 is very noisy',
  },
  classes: {
    kind: 'int', min: 2, max: 10, step: 1, default: 2, group: 'data',
    label: 'Classes', help: 'Spiral arms (2-5) or Gaussian blobs (2-6); circle, xor and moons always have 2, images 10',
  },
  pool: {
    kind: 'int', min: 10, max: 60_000, step: 10, default: 500, group: 'data',
    label: 'Unlabelled pool', help: 'Examples the model labels for itself; their true labels are used only to score it (at most 5,000 for 2-D data)',
  },
  test: {
    kind: 'int', min: 10, max: 10_000, step: 10, default: 1000, group: 'data',
    label: 'Test set', help: 'Held-out examples that measure accuracy; never trained on (images: the first ones of the official test set; 2-D data: at most 5,000)',
  },
  model: {
    kind: 'enum', values: MODELS, default: 'mlp', group: 'model',
    label: 'Model', help: 'The network: a multilayer perceptron, or for images a small CNN (3×3 conv + relu + 2×2 max-pool per block, then the hidden layers)',
  },
  hidden: {
    kind: 'intList', minLength: 1, maxLength: 4, min: 1, max: 128, step: 1, default: [8, 8], group: 'model',
    label: 'Hidden layers', help: 'Units per hidden layer, comma-separated: 16,16 is two layers of 16 (CNN: dense relu layers after the conv blocks)',
  },
  filters: {
    kind: 'intList', minLength: 1, maxLength: 3, min: 1, max: 64, step: 1, default: [8, 16], group: 'model', model: 'cnn',
    label: 'Conv filters', help: 'CNN only: filters per conv block, comma-separated: 8,16 is two blocks, each halving the image',
  },
  act: {
    kind: 'enum', values: ACTIVATIONS, default: 'tanh', group: 'model', model: 'mlp',
    label: 'Activation', help: 'The non-linearity after each hidden layer of the MLP (the CNN uses relu throughout)',
  },
  dropout: {
    kind: 'float', min: 0, max: 0.8, step: 0.05, scale: 'linear', default: 0.1, group: 'model',
    label: 'Dropout', help: 'Share of hidden units switched off at random while training (student noise)',
  },
  inoise: {
    kind: 'float', min: 0, max: 2, step: 0.05, scale: 'linear', default: 0.8, group: 'model',
    label: 'Input noise', help: 'Size of the random jitter added to each input while training (student noise)',
  },
  shift: {
    kind: 'int', min: 0, max: 2, step: 1, default: 0, group: 'model', imageOnly: true,
    label: 'Shift (px)', help: 'Images only: each training image moves by up to this many pixels each way, at random (student noise)',
  },
  mixup: {
    kind: 'bool', default: false, group: 'model',
    label: 'Mixup', help: 'Train on blends of two examples and of their labels, mixed in a random proportion (student noise)',
  },
  opt: {
    kind: 'enum', values: OPTIMIZERS, default: 'adam', group: 'training',
    label: 'Optimizer', help: 'SGD with momentum, or Adam',
  },
  lr: {
    kind: 'float', min: 1e-5, max: 100, step: 1e-5, scale: 'log', default: 0.03, group: 'training',
    label: 'Learning rate', help: 'Size of each weight update; too large and the training diverges',
  },
  l2: {
    kind: 'float', min: 0, max: 0.1, step: 1e-4, scale: 'linear', default: 0, group: 'training',
    label: 'L2 penalty', help: 'Weight decay: pulls weights toward zero for a smoother boundary',
  },
  batch: {
    kind: 'int', min: 1, max: 512, step: 1, default: 16, group: 'training',
    label: 'Batch size', help: 'Examples per weight update',
  },
  epochs: {
    kind: 'int', min: 1, max: 500, step: 1, default: 50, group: 'training',
    label: 'Epochs per generation', help: 'Passes over the training data in each generation',
  },
  pretrain: {
    kind: 'enum', values: PRETRAINS, default: 'none', group: 'training',
    label: 'Warm-up', help: 'A self-supervised warm-up before generation 0, using no label: denoise learns to rebuild each input from a noisy copy, rotate (images) to tell how an image was turned; its layers then start generation 0',
  },
  pepochs: {
    kind: 'int', min: 1, max: 100, step: 1, default: 5, group: 'training',
    label: 'Warm-up epochs', help: 'Passes of the warm-up over the labelled examples and the pool',
  },
  pnoise: {
    kind: 'float', min: 0.05, max: 2, step: 0.05, scale: 'linear', default: 0.5, group: 'training',
    label: 'Warm-up noise', help: 'How noisy the copies are that the denoise warm-up learns to rebuild (standard deviation)',
  },
  select: {
    kind: 'enum', values: SELECTIONS, default: 'balanced', group: 'selection',
    label: 'Selection', help: 'Which predictions become pseudo-labels: confident ones, a growing top share, or the top k per class',
  },
  tau: {
    kind: 'float', min: 0, max: 1, step: 0.01, scale: 'linear', default: 0.9, group: 'selection', strategy: 'threshold',
    label: 'Threshold', help: 'Confidence a prediction needs to become a pseudo-label',
  },
  percent: {
    kind: 'int', min: 1, max: 100, step: 1, default: 20, group: 'selection', strategy: 'curriculum',
    label: 'Curriculum step (%)', help: 'Share of each class admitted per generation: 20 admits the top 20%, then 40%, ...',
  },
  k: {
    kind: 'int', min: 1, max: 1000, step: 1, default: 30, group: 'selection', strategy: 'balanced',
    label: 'Per class (k)', help: 'Most confident pseudo-labels added per predicted class each generation',
  },
  soft: {
    kind: 'bool', default: true, group: 'selection',
    label: 'Soft labels', help: "Train on the teacher's probabilities instead of its single best guess",
  },
  temperature: {
    kind: 'float', min: 0.05, max: 5, step: 0.05, scale: 'linear', default: 0.5, group: 'selection', softOnly: true,
    label: 'Temperature', help: "Below 1 sharpens the teacher's probabilities, above 1 softens them",
  },
  lweight: {
    kind: 'float', min: 0.1, max: 20, step: 0.1, scale: 'linear', default: 20, group: 'selection',
    label: 'Labelled weight', help: 'How much a labelled example counts against one pseudo-labelled example',
  },
  student: {
    kind: 'enum', values: STUDENTS, default: 'warm', group: 'selection',
    label: 'Student', help: "Start each generation from fresh weights, or warm from the teacher's",
  },
  gens: {
    kind: 'int', min: 1, max: 20, step: 1, default: 10, group: 'run',
    label: 'Generations', help: 'Rounds of pseudo-labelling and retraining after generation 0',
  },
  students: {
    kind: 'int', min: 1, max: 16, step: 1, default: 1, group: 'run',
    label: 'Students', help: 'Students trained side by side each generation, each from its own seed; the one that agrees most with the others (with an audit: scores best on it) teaches next',
  },
  critic: {
    kind: 'enum', values: CRITICS, default: 'none', group: 'run',
    label: 'Critic', help: "committee: a pseudo-label is admitted only where enough of the last generation's students predict the teacher's class",
  },
  agree: {
    kind: 'int', min: 1, max: 16, step: 1, default: 2, group: 'run', critic: 'committee',
    label: 'Committee votes', help: "Students of the last generation that must predict the teacher's class, at most Students (with one student the committee is the teacher alone, so it vetoes nothing)",
  },
  audit: {
    kind: 'int', min: 0, max: 500, step: 1, default: 0, group: 'run',
    label: 'Audit examples', help: 'Labelled examples a person checked, held apart and never trained on: they judge the students and estimate the true accuracy with an interval (0: no audit)',
  },
  gate: {
    kind: 'bool', default: false, group: 'run',
    label: 'Gate', help: "Champion and challenger: a generation's best student replaces its teacher only if the audit scores it at least as high (needs an audit)",
  },
  search: {
    kind: 'enum', values: SEARCHES, default: 'off', group: 'run',
    label: 'Recipe search', help: "Students try different recipes (learning rate, threshold or k, input noise, dropout, soft labels): bandit gives more students to the recipes that gained most, pbt copies the best student's weights and recipe into the weakest and perturbs them; needs Students of 2 or more",
  },
  seed: {
    kind: 'int', min: 0, max: 2 ** 31 - 1, step: 1, default: 42, group: 'run',
    label: 'Seed', help: 'Fixes every random choice: the same link and seed give the same run',
  },
  backend: {
    kind: 'enum', values: BACKENDS, default: 'auto', group: 'run',
    label: 'Backend', help: 'Where training runs: auto picks the faster one for this model, webgpu the GPU (the CPU if there is none), wasm WebAssembly SIMD on the CPU, cpu plain JavaScript',
  },
  labeler: {
    kind: 'enum', values: LABELERS, default: 'engine', group: 'run',
    label: 'Labeler', help: "Who labels the pool with each frozen teacher: the engine itself, or onnxruntime-web (WebGPU, else WASM) on the teacher's exported ONNX model, a 6.7 MB download (26.8 MB of WebAssembly unpacked) on the first run that needs it (the engine where it cannot load)",
  },
} as const satisfies ParamTable;

/** Every config key, in link order. */
export const PARAM_KEYS = Object.keys(PARAM_TABLE) as ParamKey[];

/** The table as rows, in link order: what the UI renders controls from. */
export const PARAMS: readonly ParamSpec[] = PARAM_KEYS.map((key) => ({ ...PARAM_TABLE[key], key }) as ParamSpec);

/** A fresh copy of the default experiment. */
export function defaultConfig(): ExperimentConfig {
  const config: Partial<Record<ParamKey, unknown>> = {};
  for (const param of PARAMS) {
    config[param.key] = param.kind === 'intList' ? [...param.default] : param.default;
  }
  return config as ExperimentConfig;
}

/** Whether a control matters for this config (tau only under threshold, temperature only with soft labels, ...). */
export function isParamActive(param: ParamSpec, config: ExperimentConfig): boolean {
  if (param.internal) return false;
  if (param.strategy !== undefined && param.strategy !== config.select) return false;
  if (param.softOnly && !config.soft) return false;
  if (param.critic !== undefined && param.critic !== config.critic) return false;
  if (param.model !== undefined && param.model !== config.model) return false;
  const entry = DATASETS[config.data];
  if (param.imageOnly && !entry.image) return false;
  if (param.key === 'classes') return entry.classes.max > entry.classes.min;
  if ((param.key === 'pepochs' || param.key === 'pnoise') && config.pretrain === 'none') return false;
  if (param.key === 'pnoise' && config.pretrain !== 'denoise') return false;
  // The gate compares on the audit: without one it has nothing to compare by.
  if (param.key === 'gate') return config.audit > 0;
  return true;
}
