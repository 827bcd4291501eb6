import type { ExperimentConfig } from '../config/schema.ts';
import type { TeacherLabeler } from '../selftrain/events.ts';
import { ONNX_INPUT, ONNX_OUTPUT } from './exportOnnx.ts';
import { generationInputShape, generationOnnx } from './generationOnnx.ts';

/** What the labeler needs of an onnxruntime module: onnxruntime-web (browser or Node) and onnxruntime-node both fit. */
export type OrtModule = Pick<typeof import('onnxruntime-web'), 'InferenceSession' | 'Tensor'>;

/** Session options such as `executionProviders: ['webgpu', 'wasm']`. */
export type OrtSessionOptions = Parameters<OrtModule['InferenceSession']['create']>[1];

/** An open onnxruntime session. */
export type OrtSession = Awaited<ReturnType<OrtModule['InferenceSession']['create']>>;

/** Class probabilities (rows × classes) of `rows` examples of `shape` in `inputs`, from an exported model's `session`. */
export async function runProbabilities(ort: OrtModule, session: OrtSession, inputs: Float32Array, rows: number, shape: readonly number[]): Promise<Float32Array> {
  const output = (await session.run({ [ONNX_INPUT]: new ort.Tensor('float32', inputs, [rows, ...shape]) }))[ONNX_OUTPUT];
  return Float32Array.from((await output.getData()) as Float32Array);
}

/**
 * A TeacherLabeler that exports each frozen teacher of the experiment `config` to ONNX and runs
 * its labelling pass on `ort`: one session per teacher, released after the pass.
 */
export function createOrtLabeler(ort: OrtModule, config: ExperimentConfig, options: OrtSessionOptions = {}): TeacherLabeler {
  return async (teacher, pool) => {
    const session = await ort.InferenceSession.create(generationOnnx(config, teacher), options);
    try {
      return await runProbabilities(ort, session, pool.x.subarray(0, pool.n * pool.dim), pool.n, generationInputShape(config, teacher.spec));
    } finally {
      await session.release();
    }
  };
}
