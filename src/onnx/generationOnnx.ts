import { encodeLink } from '../config/codec.ts';
import type { ExperimentConfig } from '../config/schema.ts';
import { classNames, DATASETS } from '../data/datasets.ts';
import type { ModelSpec } from '../model/types.ts';
import type { GenerationModel } from '../selftrain/events.ts';
import { exampleShape, exportOnnx } from './exportOnnx.ts';

/** One example's shape in the experiment's exported files: an image set's [1, 28, 28] (for the MLP too), else the model's own ([2] points). */
export function generationInputShape(config: ExperimentConfig, spec: ModelSpec): number[] {
  const { image, exampleShape: datasetShape } = DATASETS[config.data];
  return image ? [...datasetShape] : exampleShape(spec);
}

/**
 * The ONNX file of one generation of the experiment `config` (src/onnx/exportOnnx.ts), its
 * metadata naming the experiment's link (`#` + hash), the generation, the dataset and its classes.
 */
export function generationOnnx(config: ExperimentConfig, model: GenerationModel): Uint8Array {
  const metadata = { link: `#${encodeLink(config)}`, generation: model.generation, dataset: config.data, classNames: classNames(config) };
  return exportOnnx(model.spec, model.parameters, { metadata, inputShape: generationInputShape(config, model.spec) });
}

/** `gen-3.onnx`; zero-padded to the digits of the last generation `gens` (gen-03.onnx when gens ≥ 10), so names sort. */
export function generationFileName(generation: number, gens: number): string {
  return `gen-${String(generation).padStart(String(gens).length, '0')}.onnx`;
}
