/**
 * The self-supervised warm-up before generation 0 (config.pretrain): the warm-up network
 * (src/model/pretext.ts) trains on the labelled rows and the pool, no label used, and its
 * encoder starts each of generation 0's students. Its RNG is its own fork of the seed, so
 * generation 0 draws the same seeds and shuffles as without it; the same students trained
 * from their own initial weights give generation 0's accuracy without the warm-up.
 */
import { DATASETS } from '../data/datasets.ts';
import { addNoise } from '../engine/ops/addNoise/cpu.ts';
import { ROTATIONS } from '../engine/ops/gatherRotated/gatherRotated.ts';
import { turnedFrom } from '../engine/ops/gatherRotated/rotation.ts';
import { createNetworks } from '../model/network.ts';
import { encoderSize, pretextHyper, pretextSpec, withEncoder, type PretextTask } from '../model/pretext.ts';
import { uploadRows } from '../model/rows.ts';
import type { NetworkBatch } from '../model/types.ts';
import { divergenceReason } from './divergence.ts';
import type { WarmupResult, WarmupSamples } from './events.ts';
import type { Teaching } from './generation.ts';
import { gridPoints } from './grid.ts';
import { SALT, type RunSession } from './session.ts';
import { buildTrainingSet } from './targets.ts';
import { createSeededNetwork, testAccuracy, trainEpochs } from './training.ts';

/** 2^32: network and noise seeds are unsigned 32-bit integers. */
const SEED_RANGE = 4294967296;
/** Pool images shown with what the warm-up made of them. */
const SAMPLE_IMAGES = 8;
/** Points per side of the lattice over the plane that a 2-D denoising warm-up is shown rebuilding. */
const PLANE_SIDE = 15;
/** The noise stream of the shown images' corruption (any fixed seed: it is shown, not trained on). */
const SAMPLE_NOISE_SEED = 0x5eed;

/**
 * Trains the warm-up network for `pepochs` epochs, reporting each ('warmup' events) and holding
 * at the host's epoch checkpoint, then announces its result and samples ('warmup-done') and
 * keeps its encoder in `session.warmup`. An epoch whose loss diverges ends it: the result says
 * why, and generation 0 starts from its own initial weights.
 */
export async function warmUp(session: RunSession): Promise<void> {
  const { config, spec } = session;
  if (config.pretrain === 'none') return;
  const task = config.pretrain;
  const rng = session.root.fork(SALT.warmup);
  const network = createNetworks(session.backend, pretextSpec(spec, task), [rng.int(SEED_RANGE)]);
  try {
    const hyper = pretextHyper(session.hyper, spec, task, config.pnoise);
    const rows = session.trainRows;
    const order = Int32Array.from({ length: rows.n }, (_, i) => i);
    const result: WarmupResult = task === 'rotate' ? { task, loss: [], accuracy: [] } : { task, loss: [] };
    network.setTrainingSet(rows, null, new Float32Array(rows.n).fill(1));
    for (let epoch = 1; epoch <= config.pepochs; epoch++) {
      session.throwIfAborted();
      rng.shuffle(order);
      const [stats] = await network.trainEpoch(order, hyper, rng.int(SEED_RANGE));
      const diverged = divergenceReason(stats.loss);
      if (diverged !== null) {
        result.stopped = `The warm-up stopped at epoch ${epoch}: ${diverged}, so the learning rate ${config.lr} is too high for it. Generation 0 starts from its own initial weights.`;
        break;
      }
      result.loss.push(stats.loss);
      result.accuracy?.push(stats.accuracy);
      session.emit({ type: 'warmup', epoch, epochs: config.pepochs, loss: stats.loss, accuracy: task === 'rotate' ? stats.accuracy : null });
      await session.hold('epoch');
    }
    const encoder = result.stopped ? null : (await network.getParameters())[0].slice(0, encoderSize(spec));
    session.warmup = { result, encoder };
    session.emit({ type: 'warmup-done', result, samples: encoder ? await warmupSamples(session, network, task) : null });
  } finally {
    network.dispose();
  }
}

/** Starts `students` (generation 0's) from the warm-up's encoder, each keeping its own initial head; nothing without one. */
export async function startFromWarmup(session: RunSession, students: NetworkBatch): Promise<void> {
  const encoder = session.warmup?.encoder;
  if (!encoder) return;
  students.setParameters((await students.getParameters()).map((parameters) => withEncoder(parameters, encoder)));
}

/**
 * Generation 0's first student trained as generation 0 trains it (its seed, shuffles and noise:
 * generation 0's own RNG stream) from its own initial weights: the run without the warm-up. Its test accuracy.
 */
export async function accuracyWithoutWarmup(session: RunSession, teaching: Teaching): Promise<number> {
  const rng = session.root.fork(SALT.generation);
  const network = createSeededNetwork(session, rng);
  try {
    await trainEpochs(session, network, buildTrainingSet(session.layout, session.config.lweight, teaching.selection, teaching.softTargets), rng, null, 'no warm-up');
    return await testAccuracy(session, network);
  } finally {
    network.dispose();
  }
}

/**
 * What the trained warm-up network makes of a few rows: the first pool images (turned 0, 1, 2,
 * 3, 0, ... quarter turns, or with noise added), or under a 2-D denoise a lattice of points over
 * the decision grid's plane (null when the run has no grid).
 */
async function warmupSamples(session: RunSession, network: NetworkBatch, task: PretextTask): Promise<WarmupSamples | null> {
  const { spec, split, config } = session;
  // Image rows are shown as images whatever the model (an MLP on MNIST too).
  const image = spec.kind === 'cnn' ? spec.image : (DATASETS[config.data].image ?? null);
  const dim = spec.inputDim;
  let inputs: Float32Array;
  let clean: Float32Array | undefined;
  let turns: Int32Array | undefined;
  if (dim === 2) {
    if (!session.grid) return null;
    inputs = gridPoints(PLANE_SIDE, session.grid.extent);
  } else {
    const count = Math.min(SAMPLE_IMAGES, split.pool.n);
    clean = split.pool.x.slice(0, count * dim);
    if (task === 'rotate' && image) {
      turns = Int32Array.from({ length: count }, (_, i) => i % ROTATIONS);
      inputs = turnImages(clean, count, image.channels, image.width, turns);
    } else {
      inputs = clean.slice();
      addNoise(inputs, inputs.length, config.pnoise, SAMPLE_NOISE_SEED, 0);
    }
  }
  const count = inputs.length / dim;
  const rows = uploadRows(session.backend, inputs, count, dim);
  try {
    const [outputs] = await network.outputs(rows);
    const samples: WarmupSamples = { task, image, count, dim, inputs, outputs: task === 'rotate' ? softmaxRows(outputs, ROTATIONS) : outputs };
    if (turns) samples.turns = turns;
    else if (clean && dim > 2) samples.clean = clean;
    return samples;
  } finally {
    rows.dispose();
  }
}

/** Each image of `images` turned by its own quarter turns (the rotation op's mapping). */
function turnImages(images: Float32Array, count: number, channels: number, side: number, turns: Int32Array): Float32Array {
  const plane = side * side;
  const turned = new Float32Array(images.length);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < channels; c++) {
      const base = (i * channels + c) * plane;
      for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) turned[base + y * side + x] = images[base + turnedFrom(turns[i], y, x, side)];
    }
  }
  return turned;
}

/** Row-wise softmax of `logits` (rows × width), max-shifted. */
function softmaxRows(logits: Float32Array, width: number): Float32Array {
  const probabilities = new Float32Array(logits.length);
  for (let at = 0; at < logits.length; at += width) {
    const row = logits.subarray(at, at + width);
    const max = Math.max(...row);
    const exps = Array.from(row, (value) => Math.exp(value - max));
    const sum = exps.reduce((total, value) => total + value, 0);
    exps.forEach((value, c) => (probabilities[at + c] = value / sum));
  }
  return probabilities;
}
