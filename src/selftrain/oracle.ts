import { SALT, type RunSession } from './session.ts';
import { buildOracleSet } from './targets.ts';
import { createSeededNetwork, testAccuracy, trainEpochs } from './training.ts';

/**
 * The all-labels oracle: the same model, epochs and hyperparameters, trained on the labelled
 * set plus the whole pool with its true labels. Every row weighs 1: with every label known,
 * there is no pseudo-label for the labelled rows to outweigh. Returns its test accuracy.
 */
export async function trainOracle(session: RunSession): Promise<number> {
  const { labelled, pool } = session.split;
  const rng = session.root.fork(SALT.oracle);
  const network = createSeededNetwork(session, rng);
  try {
    await trainEpochs(session, network, buildOracleSet(labelled.y, pool.y, labelled.classes), rng, null);
    return await testAccuracy(session, network);
  } finally {
    network.dispose();
  }
}
