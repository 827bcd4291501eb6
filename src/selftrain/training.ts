import type { Rng } from '../data/rng.ts';
import type { DeviceRows, EpochStats, Network, NetworkBatch } from '../model/types.ts';
import type { ProgressPhase } from './events.ts';
import { createNetwork, createNetworks } from '../model/network.ts';
import { divergenceFix, divergenceReason, type DroppedStudent } from './divergence.ts';
import { DivergedError } from './errors.ts';
import { labelAccuracy } from './metrics.ts';
import type { RunSession } from './session.ts';
import type { TrainingSet } from './targets.ts';

/** 2^32: noise seeds and network seeds are unsigned 32-bit integers. */
const SEED_RANGE = 4294967296;

/** A network with the run's architecture, initialised from a seed drawn from `rng`. */
export function createSeededNetwork(session: RunSession, rng: Rng): Network {
  return createNetwork(session.backend, session.spec, rng.int(SEED_RANGE));
}

/** Salt of student k's seed stream (k >= 1), forked from its generation's RNG. */
const STUDENT_SALT = 7000;

/**
 * `count` network seeds for a generation's students: student 0 draws from `rng` as a lone
 * student always has (so students=1 is the run it always was); student k >= 1 from a fork of
 * `rng`, which leaves `rng` where student 0 left it, so the epochs shuffle the same for any count.
 */
export function studentSeeds(rng: Rng, count: number): number[] {
  const first = rng.int(SEED_RANGE);
  return [first, ...Array.from({ length: count - 1 }, (_, k) => rng.fork(STUDENT_SALT + k + 1).int(SEED_RANGE))];
}

/** `count` networks with the run's architecture, side by side in the same ops, seeded by studentSeeds. */
export function createSeededNetworks(session: RunSession, rng: Rng, count: number): NetworkBatch {
  return createNetworks(session.backend, session.spec, studentSeeds(rng, count));
}

/**
/**
 * Trains `network` (or every network of a batch) for the configured epochs on `set` (rows of `rows`, the labelled rows and
 * pool unless given), reshuffling `set.order` in place each epoch with `rng`. Reports each epoch (the healthy students' mean
 * loss and accuracy) when `generation` is given, else (a reference model) a 'progress' step of `phase`, and holds at the
 * host's epoch checkpoint after every epoch. A model whose epoch loss diverges (divergence.ts) is dropped: it goes on
 * training in the batch, where the models share no number, but no longer counts; the students dropped are returned.
 * When none is left, a DivergedError stops the run at that epoch.
 */
export async function trainEpochs(
  session: RunSession,
  network: Network | NetworkBatch,
  set: TrainingSet,
  rng: Rng,
  generation: number | null,
  phase: ProgressPhase = 'oracle',
  rows: DeviceRows = session.trainRows,
): Promise<DroppedStudent[]> {
  const { epochs } = session.config;
  const dropped: DroppedStudent[] = [];
  network.setTrainingSet(rows, set.targets, set.weights);
  // A reference model's epochs are no generation's: they report as progress, not on the loss chart.
  if (generation === null) session.emit({ type: 'progress', phase, done: 0, total: epochs });
  for (let epoch = 1; epoch <= epochs; epoch++) {
    session.throwIfAborted();
    rng.shuffle(set.order);
    const all = [await network.trainEpoch(set.order, session.hyper, rng.int(SEED_RANGE))].flat();
    const healthy = dropDiverged(session, all, epoch, generation, dropped);
    const stats = meanStats(healthy);
    if (generation !== null) {
      session.emit({ type: 'epoch', generation, epoch, epochs, loss: stats.loss, trainAccuracy: stats.accuracy });
    } else {
      session.emit({ type: 'progress', phase, done: epoch, total: epochs });
    }
    await session.hold('epoch');
  }
  return dropped;
}

/**
 * Adds to `dropped` the models whose loss diverged at `epoch` and returns the stats of those
 * still healthy; throws a DivergedError when none is.
 */
function dropDiverged(session: RunSession, all: EpochStats[], epoch: number, generation: number | null, dropped: DroppedStudent[]): EpochStats[] {
  const healthy: EpochStats[] = [];
  all.forEach((stats, student) => {
    if (dropped.some((d) => d.student === student)) return;
    const reason = divergenceReason(stats.loss);
    if (reason === null) healthy.push(stats);
    else dropped.push({ student, epoch, reason });
  });
  if (healthy.length > 0) return healthy;
  // The last model dropped was dropped at this epoch: the one whose loss ended the run.
  throw new DivergedError(generation, all.length, epoch, dropped[dropped.length - 1].reason, divergenceFix(session.config));
}

/** The students' mean loss and accuracy (one student's own). */
function meanStats(all: EpochStats[]): EpochStats {
  if (all.length === 1) return all[0];
  const mean = (pick: (stats: EpochStats) => number) => all.reduce((sum, stats) => sum + pick(stats), 0) / all.length;
  return { loss: mean((stats) => stats.loss), accuracy: mean((stats) => stats.accuracy), steps: all[0].steps };
}

/** Test accuracy of `network` in evaluation mode (reads back class and confidence per test row). */
export async function testAccuracy(session: RunSession, network: Network): Promise<number> {
  return labelAccuracy((await network.classify(session.testRows)).labels, session.split.test.y);
}
