import type { Rng } from '../data/rng.ts';
import type { Network } from '../model/types.ts';
import { createNetwork } from '../model/network.ts';
import { labelAccuracy } from './metrics.ts';
import type { RunSession } from './session.ts';
import type { TrainingSet } from './targets.ts';

/** 2^32: noise seeds and network seeds are unsigned 32-bit integers. */
const SEED_RANGE = 4294967296;

/** A network with the run's architecture, initialised from a seed drawn from `rng`. */
export function createSeededNetwork(session: RunSession, rng: Rng): Network {
  return createNetwork(session.backend, session.spec, rng.int(SEED_RANGE));
}

/**
 * Trains `network` for the configured epochs on `set`, reshuffling `set.order` in place each
 * epoch with `rng`. Reports each epoch when `generation` is given (the oracle trains silently)
 * and holds at the host's epoch checkpoint after every epoch.
 */
export async function trainEpochs(session: RunSession, network: Network, set: TrainingSet, rng: Rng, generation: number | null): Promise<void> {
  const { epochs } = session.config;
  network.setTrainingSet(session.trainRows, set.targets, set.weights);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    session.throwIfAborted();
    rng.shuffle(set.order);
    const stats = await network.trainEpoch(set.order, session.hyper, rng.int(SEED_RANGE));
    if (generation !== null) {
      session.emit({ type: 'epoch', generation, epoch, epochs, loss: stats.loss, trainAccuracy: stats.accuracy });
    }
    await session.hold('epoch');
  }
}

/** Test accuracy of `network` in evaluation mode (reads back class and confidence per test row). */
export async function testAccuracy(session: RunSession, network: Network): Promise<number> {
  return labelAccuracy((await network.classify(session.testRows)).labels, session.split.test.y);
}
