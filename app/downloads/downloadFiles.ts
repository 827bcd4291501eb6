import type { ExperimentConfig } from '../../src/config/schema.ts';
import { metricsCsv, metricsJson, type RunMetrics } from '../../src/export/metrics.ts';
import { tarArchive } from '../../src/export/tar.ts';
import type { GenerationModel } from '../../src/selftrain/events.ts';

/** A file the page offers for download. */
export interface DownloadFile {
  name: string;
  type: string;
  data: Uint8Array;
}

const ONNX_TYPE = 'application/octet-stream';

/** The ONNX writer, loaded on the first model download so the first page load does not carry it. */
const loadOnnx = () => import('../../src/onnx/generationOnnx.ts');

/** One generation's model as `gen-N.onnx` (named like the CLI's --export-onnx files). */
export async function modelFile(config: ExperimentConfig, model: GenerationModel): Promise<DownloadFile> {
  const { generationFileName, generationOnnx } = await loadOnnx();
  return { name: generationFileName(model.generation, config.gens), type: ONNX_TYPE, data: generationOnnx(config, model) };
}

/** Every generation's model in one ustar archive of `gen-N.onnx` files. */
export async function allModelsFile(config: ExperimentConfig, models: readonly GenerationModel[]): Promise<DownloadFile> {
  const { generationFileName, generationOnnx } = await loadOnnx();
  const entries = models.map((model) => ({ name: generationFileName(model.generation, config.gens), data: generationOnnx(config, model) }));
  return { name: `${config.data}-models.tar`, type: 'application/x-tar', data: tarArchive(entries, Math.floor(Date.now() / 1000)) };
}

/** The run's metrics as `metrics.json` or `metrics.csv`. */
export function metricsFile(metrics: RunMetrics, format: 'json' | 'csv'): DownloadFile {
  const text = format === 'json' ? metricsJson(metrics) : metricsCsv(metrics);
  return { name: `${metrics.config.data}-metrics.${format}`, type: format === 'json' ? 'application/json' : 'text/csv', data: new TextEncoder().encode(text) };
}
