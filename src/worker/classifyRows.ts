import { EngineError, type Backend } from '../engine/backend.ts';
import { createCpuBackend } from '../engine/cpu/backend.ts';
import { createNetwork } from '../model/network.ts';
import { uploadRows } from '../model/rows.ts';
import type { Network } from '../model/types.ts';
import type { GenerationModel } from '../selftrain/events.ts';
import type { ClassifyReply, ClassifyRequest } from './classifyProtocol.ts';

/** Classifies rows under any generation's model; made by createRowClassifier. */
export interface RowClassifier {
  /**
   * Class probabilities (rows × classes, row-major) of `inputs` under `model`: the engine's own
   * evaluation-mode forward pass, on the CPU backend (a few rows need no GPU), with the
   * generation's trained parameters.
   */
  classify(model: GenerationModel, inputs: Float32Array): Promise<Float32Array>;
  dispose(): void;
}

/**
 * A classifier that keeps the network of the last spec it saw and only copies each model's
 * parameters in: building one costs far more than a forward pass of one drawing. Requests run
 * one after another, so one model's parameters never meet another's forward pass.
 */
export function createRowClassifier(): RowClassifier {
  let held: { spec: string; backend: Backend; network: Network } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const networkFor = (model: GenerationModel): { backend: Backend; network: Network } => {
    const spec = JSON.stringify(model.spec);
    if (held?.spec !== spec) {
      held?.backend.dispose();
      const backend = createCpuBackend('Classifies drawings for the page.');
      held = { spec, backend, network: createNetwork(backend, model.spec, 0) };
    }
    return held;
  };

  const run = async (model: GenerationModel, inputs: Float32Array): Promise<Float32Array> => {
    const { inputDim } = model.spec;
    if (inputs.length === 0 || inputs.length % inputDim !== 0) {
      throw new EngineError(`Classify needs whole rows of ${inputDim} features; got ${inputs.length} values.`);
    }
    const { backend, network } = networkFor(model);
    network.setParameters(model.parameters);
    const rows = uploadRows(backend, inputs, inputs.length / inputDim, inputDim);
    try {
      return await network.predict(rows);
    } finally {
      rows.dispose();
    }
  };

  return {
    classify(model, inputs) {
      const result = queue.then(() => run(model, inputs));
      queue = result.catch(() => undefined);
      return result;
    },
    dispose() {
      held?.backend.dispose();
      held = null;
    },
  };
}

/** The classifier worker's answer to one request: its probabilities, or the reason there are none. */
export async function replyTo(classifier: RowClassifier, { id, model, inputs }: ClassifyRequest): Promise<ClassifyReply> {
  try {
    return { id, probabilities: await classifier.classify(model, inputs) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}
