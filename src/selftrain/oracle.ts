import { SALT, type RunSession } from './session.ts';
import { buildOracleSet, buildTrainingSet } from './targets.ts';
import { createSeededNetwork, testAccuracy, trainEpochs } from './training.ts';

/**
 * The all-labels oracle: the same model, epochs and hyperparameters, trained on the labelled
 * set plus every pool row with its true label (a custom pool's rows without a class have none
 * and are left out). Every row weighs 1: with every label known,
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

/**
 * The labelled-only baseline's second line: generation 0's model (one student, its
 * hyperparameters and labelled weight) trained on the labelled set plus the audit examples,
 * what those audit labels would give if trained on instead of held out. Its RNG is its own
 * fork of the seed, like the oracle's, so it changes no other number. Returns its test accuracy.
 */
export async function trainWithAudit(session: RunSession): Promise<number> {
  const { labelled, audit } = session.split;
  if (!audit || !session.audit) throw new Error('trainWithAudit needs a run with audit examples.');
  const labels = new Int32Array(labelled.n + audit.n);
  labels.set(labelled.y);
  labels.set(audit.y, labelled.n);
  const layout = { labelledLabels: labels, poolSize: 0, classes: labelled.classes };
  const none = { indices: new Int32Array(0), labels: new Int32Array(0), confidence: new Float32Array(0) };
  const rng = session.root.fork(SALT.withAudit);
  const network = createSeededNetwork(session, rng);
  try {
    await trainEpochs(session, network, buildTrainingSet(layout, session.config.lweight, none, null), rng, null, 'labels+audit', session.audit.withLabels);
    return await testAccuracy(session, network);
  } finally {
    network.dispose();
  }
}
