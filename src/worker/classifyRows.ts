import type { LabelerName } from '../config/schema.ts';
import { EngineError, type Backend } from '../engine/backend.ts';
import { createCpuBackend } from '../engine/backends/cpu.ts';
import { createNetwork } from '../model/network.ts';
import { uploadRows } from '../model/rows.ts';
import type { Network } from '../model/types.ts';
import { exampleShape, exportOnnx } from '../onnx/exportOnnx.ts';
import { runProbabilities, type OrtSession } from '../onnx/ortLabeler.ts';
import type { WebOrt } from '../onnx/webOrt.ts';
import type { GenerationModel } from '../selftrain/events.ts';
import type { ClassifyReply, ClassifyRequest, Verdict } from './classifyProtocol.ts';
import { NO_ORT, onceUntilFailed, type OrtLoader } from '../host/labelerChoice.ts';

/** Classifies rows under any generation's model; made by createRowClassifier. */
export interface RowClassifier {
  /**
   * Class probabilities (rows × classes, row-major) of `inputs` under `model`. With the engine:
   * its own evaluation-mode forward pass on the CPU backend (a few rows need no GPU). With
   * onnx: the generation's exported ONNX file on onnxruntime-web, as labeler=onnx labels the
   * pool; where onnxruntime cannot load, the engine answers and `by` says why.
   */
  classify(model: GenerationModel, inputs: Float32Array, labeler?: LabelerName): Promise<Verdict>;
  dispose(): void;
}

/**
 * A classifier that keeps the network of the last spec it saw and only copies each model's
 * parameters in (building one costs far more than a forward pass of one drawing), and the
 * onnxruntime session of the last generation it ran. Requests run one after another, so one
 * model's parameters never meet another's forward pass.
 */
export function createRowClassifier(loadOrt: OrtLoader = NO_ORT): RowClassifier {
  const ortOnce = onceUntilFailed(loadOrt);
  let held: { spec: string; backend: Backend; network: Network } | null = null;
  let session: { key: string; session: Promise<OrtSession> } | null = null;
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

  const onEngine = async (model: GenerationModel, inputs: Float32Array, rows: number): Promise<Float32Array> => {
    const { backend, network } = networkFor(model);
    network.setParameters(model.parameters);
    const uploaded = uploadRows(backend, inputs, rows, model.spec.inputDim);
    try {
      return await network.predict(uploaded);
    } finally {
      uploaded.dispose();
    }
  };

  const onOrt = async (web: WebOrt, model: GenerationModel, inputs: Float32Array, rows: number): Promise<Float32Array> => {
    const key = modelKey(model);
    if (session?.key !== key) {
      const previous = session;
      const classNames = Array.from({ length: model.spec.classes }, (_, c) => String(c));
      const file = exportOnnx(model.spec, model.parameters, { metadata: { link: '', generation: model.generation, dataset: 'probe', classNames } });
      session = { key, session: web.ort.InferenceSession.create(file, web.options) };
      void previous?.session.then((s) => s.release()).catch(() => undefined);
    }
    return runProbabilities(web.ort, await session.session, inputs, rows, exampleShape(model.spec));
  };

  const run = async (model: GenerationModel, inputs: Float32Array, labeler: LabelerName): Promise<Verdict> => {
    const { inputDim } = model.spec;
    if (inputs.length === 0 || inputs.length % inputDim !== 0) {
      throw new EngineError(`Classify needs whole rows of ${inputDim} features; got ${inputs.length} values.`);
    }
    const rows = inputs.length / inputDim;
    if (labeler === 'onnx') {
      let web: WebOrt;
      try {
        web = await ortOnce();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { probabilities: await onEngine(model, inputs, rows), by: `the engine (onnxruntime-web could not load: ${reason})` };
      }
      const where = web.provider === 'webgpu' ? 'WebGPU' : 'WASM';
      return { probabilities: await onOrt(web, model, inputs, rows), by: `onnxruntime-web ${web.version} (${where})` };
    }
    return { probabilities: await onEngine(model, inputs, rows), by: 'the engine' };
  };

  return {
    classify(model, inputs, labeler = 'engine') {
      const result = queue.then(() => run(model, inputs, labeler));
      queue = result.catch(() => undefined);
      return result;
    },
    dispose() {
      held?.backend.dispose();
      held = null;
      void session?.session.then((s) => s.release()).catch(() => undefined);
      session = null;
    },
  };
}

/** A generation's identity across postMessage copies: its number, shape and an FNV-1a hash of its parameters' bits. */
function modelKey(model: GenerationModel): string {
  const bits = new Uint32Array(model.parameters.buffer, model.parameters.byteOffset, model.parameters.length);
  let hash = 0x811c9dc5;
  for (const word of bits) hash = Math.imul(hash ^ word, 0x01000193);
  return `${model.generation}:${JSON.stringify(model.spec)}:${hash >>> 0}`;
}

/** The classifier worker's answer to one request: its probabilities, or the reason there are none. */
export async function replyTo(classifier: RowClassifier, { id, model, inputs, labeler }: ClassifyRequest): Promise<ClassifyReply> {
  try {
    return { id, ...(await classifier.classify(model, inputs, labeler)) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}
