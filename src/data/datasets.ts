/**
 * The one table of datasets: each `data=` name has one entry that says everything the rest
 * of the code needs to know about it (its kind, classes, size limits, how it is made, its
 * tuned preset), so code that differs by dataset reads the entry instead of asking which
 * dataset it is. Adding a dataset is adding an entry (docs/adding-a-dataset.md).
 *
 * `src/config` imports this folder, never the other way round (eslint.config.js).
 */
import { customClassNames, MAX_CUSTOM_CLASSES } from './customPoints.ts';
import { POINT_SAMPLERS, type PointSampler } from './datasets2d.ts';
import { IMAGE_CLASSES, IMAGE_SIDE, TRAIN_IMAGES, trainImagesFor, type ChunkFilter } from './images/format.ts';
import type { ImageRequest } from './images/load.ts';

/** The shape of one image example: channels × height × width. */
export interface ImageShape {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

/** Most examples an experiment may ask of a dataset; an absent limit is the parameter's own maximum. */
export interface SizeLimits {
  /** Unlabelled pool and test set, each. */
  readonly pool?: number;
  readonly test?: number;
  /** Labelled examples and pool together: both are drawn from one training set of this size. */
  readonly train?: number;
}

interface EntryCommon {
  /** Its name in headings: "MNIST", "Two moons". */
  readonly title: string;
  /** How many classes the dataset can have. */
  readonly classes: { readonly min: number; readonly max: number };
  /** A readable name per class (for legends and the confusion matrix), given a class count within `classes`. */
  classNames(classes: number): string[];
  readonly limits: SizeLimits;
  /** One example as the model's exported files take it, without the batch dimension. */
  readonly exampleShape: readonly number[];
  /** What an exported model's input values are, for the page's note on its Downloads. */
  readonly features: string;
  /** One example in words: "Draw a digit". */
  readonly example: string;
  /** The name of the preset tuned for this dataset (src/config/presets.ts), which choosing it in the page offers; '' for the class's own points. */
  readonly preset: string;
  /** Set for image sets: what the CNN convolves and a shift moves. */
  readonly image?: ImageShape;
}

/** A 2-D problem, drawn point by point from the seed (src/data/split.ts). */
export interface PointsEntry extends EntryCommon {
  readonly kind: 'points';
  readonly sampler: PointSampler;
}

/** The class's own 2-D points, carried by the link's `points=` (src/data/customPoints.ts, src/data/customSplit.ts). */
export interface CustomEntry extends EntryCommon {
  readonly kind: 'custom';
}

/** A 28×28 image set, converted from its npm package and loaded from the site (src/data/images/). */
export interface ImagesEntry extends EntryCommon {
  readonly kind: 'images';
  readonly image: ImageShape;
  /** How its stored chunks are filtered before gzip (measured: see src/data/images/node/convert.ts). */
  readonly storedFilter: ChunkFilter;
}

export type DatasetEntry = PointsEntry | CustomEntry | ImagesEntry;

/** Most points a 2-D pool or test set holds: what a laptop draws and plots smoothly. */
export const MAX_POINTS_2D = 5000;

const POINT_LIMITS: SizeLimits = { pool: MAX_POINTS_2D, test: MAX_POINTS_2D };
/** An image set's labelled examples and pool both come from its official training images. */
const IMAGE_LIMITS: SizeLimits = { train: TRAIN_IMAGES };
const IMAGE_SHAPE: ImageShape = { channels: 1, height: IMAGE_SIDE, width: IMAGE_SIDE };

/** Fashion-MNIST's class names, in label order. */
export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

const numbered = (noun: string) => (count: number) => Array.from({ length: count }, (_, i) => `${noun} ${i + 1}`);

/** What every 2-D entry shares: raw coordinates in, the page's defaults fit. */
const POINTS = { kind: 'points', limits: POINT_LIMITS, exampleShape: [2], features: 'raw coordinates', example: 'a point' } as const;
/** The class's own points: the same input as the drawn sets, up to ten classes, no tuned preset. */
const CUSTOM: CustomEntry = {
  ...POINTS,
  kind: 'custom',
  title: 'Your own points',
  classes: { min: 2, max: MAX_CUSTOM_CLASSES },
  classNames: customClassNames,
  preset: '',
};
/** What every image entry shares: one 28×28 channel scaled to [0, 1], ten classes; the defaults are for points. */
const IMAGES = {
  kind: 'images',
  classes: { min: IMAGE_CLASSES, max: IMAGE_CLASSES },
  limits: IMAGE_LIMITS,
  image: IMAGE_SHAPE,
  exampleShape: [IMAGE_SHAPE.channels, IMAGE_SHAPE.height, IMAGE_SHAPE.width],
  features: 'pixels scaled to [0, 1]',
} as const;

/**
 * In `data=` order (the Dataset menu's). Circle, xor and moons are two-class shapes by
 * construction; spiral arms beyond 5 and blobs beyond 6 crowd each other into noise.
 */
const TABLE = {
  circle: { ...POINTS, title: 'Circle', sampler: POINT_SAMPLERS.circle, classes: { min: 2, max: 2 }, classNames: () => ['inner', 'outer'], preset: 'Circle from 12 labels' },
  xor: { ...POINTS, title: 'Xor', sampler: POINT_SAMPLERS.xor, classes: { min: 2, max: 2 }, classNames: () => ['same sign', 'opposite sign'], preset: 'Xor from 16 labels' },
  gauss: { ...POINTS, title: 'Gaussian blobs', sampler: POINT_SAMPLERS.gauss, classes: { min: 2, max: 6 }, classNames: numbered('blob'), preset: 'Four blobs from one label each' },
  spiral: { ...POINTS, title: 'Spiral', sampler: POINT_SAMPLERS.spiral, classes: { min: 2, max: 5 }, classNames: numbered('arm'), preset: 'Spiral from 30 labels' },
  moons: { ...POINTS, title: 'Two moons', sampler: POINT_SAMPLERS.moons, classes: { min: 2, max: 2 }, classNames: () => ['upper moon', 'lower moon'], preset: 'Two moons from 18 labels' },
  custom: CUSTOM,
  mnist: {
    ...IMAGES,
    title: 'MNIST',
    classNames: () => Array.from({ length: IMAGE_CLASSES }, (_, digit) => String(digit)),
    example: 'a digit',
    preset: 'MNIST, 100 labels',
    // Paeth filtering grows MNIST's blank-ground digits by 20% gzipped.
    storedFilter: 'none',
  },
  fashion: {
    ...IMAGES,
    title: 'Fashion-MNIST',
    classNames: () => [...FASHION_CLASSES],
    example: 'a piece of clothing',
    preset: 'Fashion-MNIST, 100 labels',
    // Paeth filtering shrinks Fashion-MNIST's gzipped textures by 8%.
    storedFilter: 'paeth',
  },
} satisfies Record<string, DatasetEntry>;

export type DatasetName = keyof typeof TABLE;
export type ImageDatasetName = { [N in DatasetName]: (typeof TABLE)[N]['kind'] extends 'images' ? N : never }[DatasetName];

type EntryOf<N extends DatasetName> = (typeof TABLE)[N]['kind'] extends 'images' ? ImagesEntry : (typeof TABLE)[N]['kind'] extends 'custom' ? CustomEntry : PointsEntry;
/** Indexed by an image set's name, an entry is an ImagesEntry; by any name, a DatasetEntry. */
export const DATASETS: { readonly [N in DatasetName]: EntryOf<N> } = TABLE;
/** Every `data=` name, in the table's order. */
export const DATASET_NAMES = Object.keys(TABLE) as DatasetName[];
/** The image sets, as the converter and the manifest list them. */
export const IMAGE_DATASETS = DATASET_NAMES.filter(isImageDataset);

/** How many classes each dataset can have (the entries' `classes`). */
export const CLASS_RANGE: Readonly<Record<DatasetName, EntryCommon['classes']>> = Object.fromEntries(
  DATASET_NAMES.map((name) => [name, DATASETS[name].classes]),
) as Record<DatasetName, EntryCommon['classes']>;

/** Whether a `data=` value names an image set. Prefer reading the entry where it holds the answer. */
export function isImageDataset(data: string): data is ImageDatasetName {
  return Object.hasOwn(DATASETS, data) && DATASETS[data as DatasetName].kind === 'images';
}

/** Clamps a class count into what `data` supports. */
export function classesFor(data: DatasetName, classes: number): number {
  const { min, max } = DATASETS[data].classes;
  return Math.min(max, Math.max(min, Math.round(classes)));
}

/** A readable name per class, for legends and the confusion matrix. */
export function classNames(settings: { data: DatasetName; classes: number }): string[] {
  return DATASETS[settings.data].classNames(classesFor(settings.data, settings.classes));
}

/** Features per example: 2 coordinates, 784 pixels. */
export function exampleWidth(data: DatasetName): number {
  return DATASETS[data].exampleShape.reduce((product, size) => product * size, 1);
}

/**
 * The images an experiment must load before its split can be made; undefined for data drawn
 * from the seed. Its labelled examples, audit and pool all come from the training images.
 */
export function imageRequestFor(settings: { data: DatasetName; labels: number; audit?: number; pool: number; test: number }): ImageRequest | undefined {
  if (!isImageDataset(settings.data)) return undefined;
  return { data: settings.data, train: trainImagesFor(settings.labels + (settings.audit ?? 0), settings.pool), test: settings.test };
}

