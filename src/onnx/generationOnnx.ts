import { encodeLink } from '../config/codec.ts';
import type { ExperimentConfig } from '../config/schema.ts';
import { classNames } from '../data/datasets2d.ts';
import type { GenerationModel } from '../selftrain/events.ts';
import { exportOnnx } from './exportOnnx.ts';

/**
 * The ONNX file of one generation of the experiment `config` (src/onnx/exportOnnx.ts), its
 * metadata naming the experiment's link (`#` + hash), the generation, the dataset and its classes.
 */
export function generationOnnx(config: ExperimentConfig, model: GenerationModel): Uint8Array {
  const metadata = { link: `#${encodeLink(config)}`, generation: model.generation, dataset: config.data, classNames: classNames(config) };
  return exportOnnx(model.spec, model.parameters, { metadata });
}

/** `gen-3.onnx`; zero-padded to the digits of the last generation `gens` (gen-03.onnx when gens ≥ 10), so names sort. */
export function generationFileName(generation: number, gens: number): string {
  return `gen-${String(generation).padStart(String(gens).length, '0')}.onnx`;
}
