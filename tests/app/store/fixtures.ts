import type { GenerationResult } from '../../../src/selftrain/events.ts';
import type { WorkerMessage } from '../../../src/worker/protocol.ts';
import { defaultConfig } from '../../../src/config/params.ts';

/** A generation's result with the given accuracies (fractions). */
export function generationResult(generation: number, testAccuracy: number, pseudoLabelAccuracy: number | null = null): GenerationResult {
  return {
    generation,
    testAccuracy,
    pseudoLabelAccuracy,
    coverage: generation === 0 ? 0 : 0.2 * generation,
    pseudoLabels: generation * 200,
    perClass: [generation * 100, generation * 100],
    perClassRight: [generation * 90, generation * 80],
    meanConfidence: 0.9,
    seconds: 0.1,
  };
}

const EMPTY_PSEUDO = { indices: new Int32Array(0), labels: new Int32Array(0), confidence: new Float32Array(0) };

export function generationMessage(runId: number, result: GenerationResult): WorkerMessage {
  return { type: 'event', runId, event: { type: 'generation', result, pseudo: EMPTY_PSEUDO, grid: null, testPredictions: new Int32Array(0) } };
}

export function epochMessage(runId: number, generation: number, epoch: number, loss = 0.5): WorkerMessage {
  return { type: 'event', runId, event: { type: 'epoch', generation, epoch, epochs: 30, loss, trainAccuracy: 0.8 } };
}

export function startMessage(runId: number): WorkerMessage {
  const config = defaultConfig();
  return {
    type: 'event',
    runId,
    event: { type: 'start', backend: { kind: 'cpu', adapter: 'CPU (JavaScript)', reason: 'CPU: small model' }, config, generations: config.gens, epochs: config.epochs },
  };
}
