// The benchmark's workloads and their seeded random data, shared by the browser bench
// page and the Node micro-bench so both train the same maths on the same numbers.
import { createRng, type Rng } from '../src/data/rng.ts';
import type { ImageShape } from '../src/engine/backend.ts';
import { multiplyAddsPerExample, type ExperimentSize } from '../src/host/backendCrossover.ts';
import { computeLayout } from '../src/model/layout.ts';
import { modelLayers } from '../src/model/network.ts';
import type { ModelSpec, TrainHyper } from '../src/model/types.ts';
import type { WorkloadName } from './report/types.ts';

export interface Workload {
  name: WorkloadName;
  /** Layer widths, input first, classes last. */
  sizes: number[];
  /** Hidden activation (the output layer is linear, then softmax cross-entropy). */
  activation: 'tanh' | 'relu';
  hyper: TrainHyper;
  /** Models of this shape trained together (engines without a model dimension train them one after another). */
  models: number;
  /** Rows of the dataset; an epoch longer than this goes round it again in a new shuffle. */
  rows: number;
  /**
   * A convolutional workload (src/model/cnn.ts): conv 3×3 + relu + 2×2 max-pool per filter
   * count over images of this shape, then dense logits; `sizes` is then [pixels, classes].
   * Engines without convolutions skip it.
   */
  cnn?: { image: ImageShape; filters: number[] };
  /** Its rows' time limit in units of the plan's: a CNN step is thousands of times a W1 step. */
  timeScale?: number;
}

/** Every engine gets the same data (DATA_SEED) and model seeds MODEL_SEED + model index. */
export const DATA_SEED = 7;
export const MODEL_SEED = 1;

// Plain SGD (momentum 0) for every engine: the plain-js loops have no momentum, and the step
// count is the same either way. Adam's constants are each engine's defaults with epsilon 1e-8.
const sgd = (batch: number, lr: number): TrainHyper => ({ optimizer: 'sgd', lr, momentum: 0, l2: 0, batch, inputNoise: 0 });
const adam = (batch: number, lr: number): TrainHyper => ({ optimizer: 'adam', lr, momentum: 0, l2: 0, batch, inputNoise: 0 });

export const WORKLOADS: readonly Workload[] = [
  { name: 'W1', sizes: [2, 16, 16, 2], activation: 'tanh', hyper: sgd(16, 0.03), models: 1, rows: 16384 },
  { name: 'W1x16', sizes: [2, 16, 16, 2], activation: 'tanh', hyper: sgd(16, 0.03), models: 16, rows: 16384 },
  { name: 'W2', sizes: [784, 128, 10], activation: 'relu', hyper: adam(128, 0.001), models: 1, rows: 2048 },
  {
    name: 'W3',
    sizes: [784, 10],
    activation: 'relu',
    hyper: adam(64, 0.001),
    models: 1,
    rows: 2048,
    cnn: { image: { channels: 1, height: 28, width: 28 }, filters: [8, 16] },
    timeScale: 4,
  },
];

/** The model of a workload as src/model builds it: an MLP of its sizes, or its CNN. */
export function workloadSpec(workload: Workload): ModelSpec {
  const [inputDim, classes] = [workload.sizes[0], workload.sizes[workload.sizes.length - 1]];
  if (workload.cnn) return { kind: 'cnn', inputDim, image: workload.cnn.image, classes, filters: workload.cnn.filters, hidden: workload.sizes.slice(1, -1), dropout: 0 };
  return { kind: 'mlp', inputDim, classes, hidden: workload.sizes.slice(1, -1), activation: workload.activation, dropout: 0 };
}

/** What `auto`'s crossovers weigh for a workload (src/host/backendCrossover.ts), as they weigh a link's model. */
export function workloadSize(workload: Workload): ExperimentSize {
  const spec = workloadSpec(workload);
  return {
    model: spec.kind,
    layers: workload.sizes,
    parameters: computeLayout(spec.inputDim, modelLayers(spec)).count,
    multiplyAdds: multiplyAddsPerExample(spec),
    batch: workload.hyper.batch,
    models: workload.models,
  };
}

export function workloadByName(name: WorkloadName): Workload {
  const workload = WORKLOADS.find((candidate) => candidate.name === name);
  if (!workload) throw new Error(`Unknown workload ${name}.`);
  return workload;
}

/** A workload's dataset: random features and labels, as one-hot targets too. */
export interface WorkloadData {
  rows: number;
  dim: number;
  classes: number;
  /** rows × dim features, row-major: uniform in [-1, 1) for 2-D points, [0, 1) for pixel-like inputs. */
  x: Float32Array<ArrayBuffer>;
  labels: Int32Array<ArrayBuffer>;
  /** rows × classes one-hot targets. */
  targets: Float32Array<ArrayBuffer>;
  /** One loss weight per row, all 1. */
  weights: Float32Array;
}

export function makeData(workload: Workload, seed = DATA_SEED): WorkloadData {
  const rng = createRng(seed);
  const dim = workload.sizes[0];
  const classes = workload.sizes[workload.sizes.length - 1];
  const low = dim === 2 ? -1 : 0;
  const x = Float32Array.from({ length: workload.rows * dim }, () => low + (1 - low) * rng.next());
  const labels = Int32Array.from({ length: workload.rows }, () => rng.int(classes));
  const targets = new Float32Array(workload.rows * classes);
  labels.forEach((label, row) => (targets[row * classes + label] = 1));
  return { rows: workload.rows, dim, classes, x, labels, targets, weights: new Float32Array(workload.rows).fill(1) };
}

/** `length` row indices: shuffles of 0..rows-1 back to back, so any epoch length visits rows evenly. */
export function epochOrder(rng: Rng, rows: number, length: number): Int32Array<ArrayBuffer> {
  const order = new Int32Array(length);
  const deck = Int32Array.from({ length: rows }, (_, i) => i);
  for (let start = 0; start < length; start += rows) {
    rng.shuffle(deck);
    order.set(deck.subarray(0, Math.min(rows, length - start)), start);
  }
  return order;
}
