import * as ort from 'onnxruntime-node';
import type { Backend } from '../../src/engine/backend.ts';
import { createNetwork } from '../../src/model/network.ts';
import { uploadRows } from '../../src/model/rows.ts';
import type { ModelSpec } from '../../src/model/types.ts';
import { exportOnnx, ONNX_INPUT, ONNX_OUTPUT, type OnnxMetadata } from '../../src/onnx/exportOnnx.ts';
import { seeded } from '../engine/helpers.ts';

/** Metadata for models that come from no experiment. */
export function testMetadata(classes: number): OnnxMetadata {
  return { link: '#v=1&test', generation: 0, dataset: 'test', classNames: Array.from({ length: classes }, (_, c) => `class ${c}`) };
}

/** onnxruntime-node's `probabilities` for `rows` (n × product(inputShape)) fed as [n, ...inputShape]. */
export async function ortProbabilities(bytes: Uint8Array, rows: Float32Array, n: number, inputShape: readonly number[]): Promise<{ dims: readonly number[]; data: Float32Array }> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const output = (await session.run({ [ONNX_INPUT]: new ort.Tensor('float32', rows, [n, ...inputShape]) }))[ONNX_OUTPUT];
    return { dims: output.dims, data: output.data as Float32Array };
  } finally {
    await session.release();
  }
}

/** Largest |a[i] - b[i]|; Infinity when the lengths differ. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/**
 * A network of `spec` on `backend` with seeded normal parameters (biases included, so their
 * place in the layout is exercised), its predictions on `n` seeded rows scaled by `scale`,
 * and onnxruntime's on the same rows through the exported file.
 */
export async function parityCase(backend: Backend, spec: ModelSpec, n: number, options: { seed: number; scale: number; inputShape?: number[] }) {
  const network = createNetwork(backend, spec, options.seed);
  try {
    network.setParameters(seeded(network.parameterCount, options.seed + 1).map((v) => v * 0.7));
    const rows = seeded(n * spec.inputDim, options.seed + 2).map((v) => v * options.scale);
    const device = uploadRows(backend, rows, n, spec.inputDim);
    const engine = await network.predict(device);
    device.dispose();
    const bytes = exportOnnx(spec, await network.getParameters(), { metadata: testMetadata(spec.classes), inputShape: options.inputShape });
    const onnx = await ortProbabilities(bytes, rows, n, options.inputShape ?? [spec.inputDim]);
    return { engine, onnx, maxDifference: maxAbsDifference(engine, onnx.data) };
  } finally {
    network.dispose();
  }
}
