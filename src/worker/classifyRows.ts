import { createCpuBackend } from '../engine/cpu/backend.ts';
import { EngineError } from '../engine/backend.ts';
import { createNetwork } from '../model/network.ts';
import { uploadRows } from '../model/rows.ts';
import type { GenerationModel } from '../selftrain/events.ts';
import type { ClassifyReply, ClassifyRequest } from './classifyProtocol.ts';

/**
 * Class probabilities (rows × classes, row-major) of `inputs` under `model`: the engine's own
 * evaluation-mode forward pass, on the CPU backend (a few rows need no GPU), with the
 * generation's trained parameters.
 */
export async function classifyRows(model: GenerationModel, inputs: Float32Array): Promise<Float32Array> {
  const { inputDim } = model.spec;
  if (inputs.length === 0 || inputs.length % inputDim !== 0) {
    throw new EngineError(`Classify needs whole rows of ${inputDim} features; got ${inputs.length} values.`);
  }
  const backend = createCpuBackend('Classifies drawings for the page.');
  try {
    const network = createNetwork(backend, model.spec, 0);
    network.setParameters(model.parameters);
    return await network.predict(uploadRows(backend, inputs, inputs.length / inputDim, inputDim));
  } finally {
    backend.dispose();
  }
}

/** The classifier worker's answer to one request: its probabilities, or the reason there are none. */
export async function replyTo({ id, model, inputs }: ClassifyRequest): Promise<ClassifyReply> {
  try {
    return { id, probabilities: await classifyRows(model, inputs) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}
