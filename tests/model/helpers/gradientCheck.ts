// One helper makes every gradient check a line (tinygrad's helper_test_op style): seeded
// inputs; the engine's forward, loss and backward on the CPU backend in float32; central
// finite differences of the float64 reference loss; values compared with a tolerance that a
// wrong sign or a missing term cannot pass.
import { expect } from 'vitest';
import { createRng } from '../../../src/data/rng.ts';
import { STATS, type Backend } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { dropoutKeeps } from '../../../src/engine/ops/shared/random.ts';
import { packParameters, unpackParameters } from '../../../src/model/layout.ts';
import { streamSeed, type LayerSpec, type NoiseStep } from '../../../src/model/layers/layer.ts';
import { createLayerStack } from '../../../src/model/stack.ts';
import { referenceLogits, referenceLoss } from './reference.ts';

export interface GradientCase {
  inputDim: number;
  layers: LayerSpec[];
  /** Live rows of the batch (default 5). */
  rows?: number;
  /** Rows the tensors are sized for (default rows + 3): the extra rows hold junk that must not leak in. */
  capacity?: number;
  targets?: 'hard' | 'soft';
  weights?: 'ones' | 'random' | 'someZero';
  seed?: number;
  /** The backend under test (default the CPU backend). */
  backend?: Backend;
}

const STEP = 1e-6;
const ABSOLUTE = 1e-5;
const RELATIVE = 1e-3;

/** Checks every parameter gradient and the loss value of `c` against float64 finite differences. */
export async function checkGradients(c: GradientCase): Promise<void> {
  const rows = c.rows ?? 5;
  const capacity = c.capacity ?? rows + 3;
  const backend = c.backend ?? createCpuBackend();
  const rng = createRng(c.seed ?? 11);
  const stack = createLayerStack(backend, c.inputDim, c.layers, capacity);
  const { layout } = stack;
  const classes = stack.outDim;
  const packed = Float32Array.from({ length: layout.count }, () => 0.6 * rng.normal());
  const x = Float32Array.from({ length: capacity * c.inputDim }, () => rng.normal());
  const targets = makeTargets(rng, capacity, classes, c.targets ?? 'hard');
  const weights = makeWeights(rng, capacity, c.weights ?? 'ones');
  const noise: NoiseStep = { seed: 1234, counter: 7 };

  backend.write(stack.parameters, unpackParameters(layout, packed));
  const tensor = (data: Float32Array, label: string) => {
    const t = backend.createTensor(data.length, label);
    backend.write(t, data);
    return t;
  };
  const dLogits = backend.createTensor(capacity * classes, 'dLogits');
  const stats = backend.createTensor(STATS.size, 'stats');
  const logits = stack.forward(tensor(x, 'x'), rows, noise);
  backend.softmaxCrossEntropy(logits, tensor(targets, 't'), tensor(weights, 'w'), rows, classes, dLogits, stats);
  stack.backward(dLogits, rows, noise);
  const gradients = packParameters(layout, await backend.read(stack.gradients));
  const totals = await backend.read(stats);

  const dropoutScale = (layer: number, index: number, rate: number) =>
    dropoutKeeps(streamSeed(noise, layer + 1), noise.counter, index, rate) ? 1 / (1 - rate) : 0;
  const loss = (parameters: Float64Array) =>
    referenceLoss(referenceLogits(layout, c.layers, parameters, x.subarray(0, rows * c.inputDim), rows, c.inputDim, dropoutScale), targets, weights, rows, classes);
  const base = Float64Array.from(packed);
  expect(totals[STATS.weightedLoss] / totals[STATS.weight]).toBeCloseTo(loss(base), 4);

  const mismatches: string[] = [];
  let largest = 0;
  for (let j = 0; j < layout.count; j++) {
    const saved = base[j];
    base[j] = saved + STEP;
    const up = loss(base);
    base[j] = saved - STEP;
    const down = loss(base);
    base[j] = saved;
    const numeric = (up - down) / (2 * STEP);
    largest = Math.max(largest, Math.abs(numeric));
    if (Math.abs(gradients[j] - numeric) > ABSOLUTE + RELATIVE * Math.abs(numeric)) {
      mismatches.push(`parameter ${j}: engine ${gradients[j]}, finite difference ${numeric}`);
    }
  }
  expect(mismatches).toEqual([]);
  // A vanishing gradient would pass trivially; these cases are built to have real ones.
  expect(largest).toBeGreaterThan(1e-2);
}

function makeTargets(rng: ReturnType<typeof createRng>, rows: number, classes: number, kind: 'hard' | 'soft'): Float32Array {
  const targets = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    if (kind === 'hard') {
      targets[r * classes + rng.int(classes)] = 1;
      continue;
    }
    const raw = Array.from({ length: classes }, () => 0.05 + rng.next());
    const sum = raw.reduce((a, b) => a + b, 0);
    raw.forEach((value, k) => (targets[r * classes + k] = value / sum));
  }
  return targets;
}

function makeWeights(rng: ReturnType<typeof createRng>, rows: number, kind: 'ones' | 'random' | 'someZero'): Float32Array {
  if (kind === 'ones') return new Float32Array(rows).fill(1);
  // Row 0 keeps a weight in every case, so the batch's weight sum is positive.
  return Float32Array.from({ length: rows }, (_, r) => (kind === 'someZero' && r % 3 === 1 ? 0 : 0.2 + 2 * rng.next()));
}
