import type { ExperimentConfig } from '../config/schema.ts';
import { createRng, type Rng } from '../data/rng.ts';
import type { Dataset, Split } from '../data/types.ts';
import type { Backend } from '../engine/backend.ts';
import type { DeviceRows, ModelSpec, TrainHyper } from '../model/types.ts';
import { gridExtent } from '../data/split.ts';
import { DATASETS } from '../data/datasets.ts';
import { makeDatasetSplit } from '../data/datasetSplit.ts';
import { uploadPixelRows, uploadRows } from '../model/rows.ts';
import { throwIfAborted } from './errors.ts';
import type { Checkpoint, ExperimentEvent, RunOptions, WarmupResult } from './events.ts';
import { gridPoints, type Extent } from './grid.ts';
import type { TrainingLayout } from './targets.ts';
import { recipeArms, type Recipe } from './recipe.ts';

/** SGD momentum: the config has no knob for it; 0.9 is the usual choice for small MLPs. */
const SGD_MOMENTUM = 0.9;

/** Salts of the root RNG's forks. Fixed, so a seed always maps to the same streams. */
export const SALT = { oracle: 1, withAudit: 2, warmup: 3, generation: 1000, search: 2000 } as const;

/** What every stage of one run shares: its data on the backend, its seeds, its host hooks. */
export interface RunSession {
  config: ExperimentConfig;
  backend: Backend;
  split: Split;
  spec: ModelSpec;
  hyper: TrainHyper;
  layout: TrainingLayout;
  /** Labelled rows, then the pool: what every student (and the oracle) trains on. */
  trainRows: DeviceRows;
  poolRows: DeviceRows;
  testRows: DeviceRows;
  /**
   * With `audit` > 0: the audit rows that judge the students, and the labelled rows followed by
   * them, what the labelled-only baseline's second line trains on (oracle.ts); null without.
   */
  audit: { rows: DeviceRows; withLabels: DeviceRows } | null;
  grid: { size: number; extent: Extent; rows: DeviceRows } | null;
  /**
   * Under `critic=committee`: every student of the last finished generation's class per pool
   * row, the committee that votes on the next teacher's pseudo-labels; null before generation 0
   * has finished, and always without a critic.
   */
  committee: Int32Array[] | null;
  /**
   * Under `search=pbt` with `student=warm`: every student of the last finished generation's
   * parameters, in student order; each next student starts from its own (or, copied, the best's).
   * Null before generation 0 has finished, and always otherwise.
   */
  lineage: Float32Array[] | null;
  /** After a warm-up (config.pretrain): its result, and the encoder generation 0's students start from (null when it stopped). */
  warmup: { result: WarmupResult; encoder: Float32Array | null } | null;
  /** The bandit's arms: RunOptions.arms, or recipeArms(config). */
  arms: Recipe[];
  /** The run's root RNG; only forked (forking leaves it unchanged), never drawn from. */
  root: Rng;
  emit(event: ExperimentEvent): void;
  /** Awaits the host's checkpoint, then stops if the run was cancelled meanwhile. */
  hold(at: Checkpoint): Promise<void>;
  throwIfAborted(): void;
  /** Seconds spent waiting in `hold` so far, so paused time is not counted as training time. */
  heldSeconds(): number;
  dispose(): void;
}

export function openSession(config: ExperimentConfig, backend: Backend, options: RunOptions): RunSession {
  const split = makeDatasetSplit(config, options.images);
  const { labelled, pool, test, audit } = split;
  const placed: DeviceRows[] = [];
  /** A set's rows on the backend: image pixels stay bytes there (a quarter of the memory), other features floats. */
  const place = (...sets: Pick<Dataset, 'x' | 'pixels' | 'n'>[]) => {
    const n = sets.reduce((sum, set) => sum + set.n, 0);
    const pixels = sets.every((set) => set.pixels) ? concat(sets.map((set) => set.pixels!), Uint8Array) : null;
    const rows = pixels ? uploadPixelRows(backend, pixels, n, labelled.dim) : uploadRows(backend, concat(sets.map((set) => set.x), Float32Array), n, labelled.dim);
    placed.push(rows);
    return rows;
  };
  const gridSize = options.gridSize ?? 0;
  // The decision grid is a 2-D view: image experiments have none.
  const extent = gridSize > 0 && labelled.dim === 2 ? gridExtent(split) : null;
  let held = 0;
  return {
    config,
    backend,
    split,
    spec: modelSpec(config, labelled.dim, labelled.classes),
    hyper: trainHyper(config),
    layout: { labelledLabels: labelled.y, poolSize: pool.n, classes: labelled.classes },
    trainRows: place(labelled, pool),
    poolRows: place(pool),
    testRows: place(test),
    audit: audit ? { rows: place(audit), withLabels: place(labelled, audit) } : null,
    grid: extent ? { size: gridSize, extent, rows: place({ x: gridPoints(gridSize, extent), n: gridSize * gridSize }) } : null,
    committee: null,
    lineage: null,
    warmup: null,
    arms: options.arms ?? recipeArms(config),
    root: createRng(config.seed),
    emit: (event) => options.onEvent?.(event),
    async hold(at) {
      const started = performance.now();
      await options.checkpoint?.(at);
      held += (performance.now() - started) / 1000;
      throwIfAborted(options.signal);
    },
    throwIfAborted: () => throwIfAborted(options.signal),
    heldSeconds: () => held,
    dispose: () => placed.forEach((rows) => rows.dispose()),
  };
}

/** The MLP, or on image data the CNN: its filters, then `hidden` as dense relu layers (`act` is the MLP's). */
export function modelSpec(config: ExperimentConfig, inputDim: number, classes: number): ModelSpec {
  const image = DATASETS[config.data].image;
  if (config.model === 'cnn' && image) {
    return { kind: 'cnn', inputDim, image: { ...image }, classes, filters: [...config.filters], hidden: [...config.hidden], dropout: config.dropout };
  }
  return { kind: 'mlp', inputDim, classes, hidden: [...config.hidden], activation: config.act, dropout: config.dropout };
}

function trainHyper(config: ExperimentConfig): TrainHyper {
  const hyper: TrainHyper = { optimizer: config.opt, lr: config.lr, momentum: SGD_MOMENTUM, l2: config.l2, batch: config.batch, inputNoise: config.inoise };
  const image = DATASETS[config.data].image;
  if (config.shift > 0 && image) hyper.shift = { image, pixels: config.shift };
  if (config.mixup) hyper.mixup = true;
  return hyper;
}

/** The arrays back to back (one array is returned as it is). */
function concat<T extends Float32Array | Uint8Array>(parts: T[], Type: { new (length: number): T }): T {
  if (parts.length === 1) return parts[0];
  const out = new Type(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
