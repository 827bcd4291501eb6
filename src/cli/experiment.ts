/**
 * The command-line host of `runExperiment`: the same engine function the page's worker runs,
 * so a link gives the same numbers here and there. Usage in ./args.ts.
 */
import { decodeLink } from '../config/codec.ts';
import { PRESETS } from '../config/presets.ts';
import type { ExperimentConfig } from '../config/schema.ts';
import { imageRequestFor } from '../data/datasets.ts';
import { loadImages } from '../data/images/load.ts';
import { diskSource } from '../data/images/node/diskSource.ts';
import { createBackend, type BackendOptions, type ChosenBackend } from '../selftrain/backendChoice.ts';
import { aboveCrossover, experimentSize } from '../selftrain/backendCrossover.ts';
import { createOrtLabeler } from '../onnx/ortLabeler.ts';
import type { ExperimentResult, RunOptions, TeacherLabeler } from '../selftrain/events.ts';
import { runExperiment } from '../selftrain/runExperiment.ts';
import { hashOf, parseArgs, USAGE, UsageError, type CliRequest } from './args.ts';
import { createOnnxExport, ExportDirError, seedExportDir } from './onnxExport.ts';
import { resultJson, resultTable, summaryTable } from './report.ts';
import { summarizeSeeds } from '../selftrain/presetCheck.ts';

async function main(argv: readonly string[]): Promise<number> {
  let request: CliRequest;
  try {
    request = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (request.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (request.kind === 'list-presets') {
    const presets = PRESETS.map(({ name, dataset, kind, link }) => ({ name, dataset, kind, link }));
    const text = request.json ? JSON.stringify(presets, null, 2) : presets.map((p) => `${p.name} (${p.dataset}, ${p.kind}): ${p.link}`).join('\n');
    process.stdout.write(`${text}\n`);
    return 0;
  }
  const { config, notes } = decodeLink(hashOf(request.link));
  for (const note of notes) process.stderr.write(`note: ${note}\n`);
  if (request.backend) config.backend = request.backend;
  // Image sets load once from the converted files on disk (converted on first use), for every seed.
  const imagesNeeded = imageRequestFor(config);
  const images = imagesNeeded ? await loadImages(imagesNeeded, diskSource()) : undefined;
  const results: ExperimentResult[] = [];
  for (let i = 0; i < request.seeds; i++) {
    const seedConfig = { ...config, seed: config.seed + i };
    let onnx: ReturnType<typeof createOnnxExport> | null = null;
    try {
      if (request.exportOnnx) onnx = createOnnxExport(seedExportDir(request.exportOnnx, seedConfig.seed, request.seeds), seedConfig);
    } catch (error) {
      if (!(error instanceof ExportDirError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    const chosen = await chooseBackend(config);
    if (!chosen) return 2;
    const options: RunOptions = { onModel: onnx?.onModel, images };
    if ((request.labeler ?? config.labeler) === 'onnx') options.labeler = await onnxLabeler(seedConfig);
    const result = await run(seedConfig, chosen, options);
    onnx?.writeResult(result);
    results.push(result);
  }
  process.stdout.write(`${render(request.json, results)}\n`);
  return 0;
}

/**
 * The run's backend. WebGPU in Node comes from the `webgpu` package (Dawn), loaded only when
 * the run may use it: backend=webgpu, or auto above the crossover. backend=webgpu without an
 * adapter is an error with the fix (exit 2), not a quiet CPU run; auto says why on stderr.
 */
async function chooseBackend(config: ExperimentConfig): Promise<ChosenBackend | null> {
  const size = experimentSize(config);
  const options: BackendOptions = { size };
  if (config.backend === 'webgpu' || (config.backend === 'auto' && aboveCrossover(size))) options.gpu = await nodeGpuEntry();
  const chosen = await createBackend(config.backend, options);
  if (config.backend === 'webgpu' && !chosen.gpu) {
    chosen.dispose();
    const env = `LD_LIBRARY_PATH=${process.env.LD_LIBRARY_PATH ?? '(unset)'} VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES ?? '(unset)'}`;
    process.stderr.write(
      '--backend webgpu: Dawn (the `webgpu` package) found no WebGPU adapter in Node.\n' +
        'Without a GPU, Dawn needs Chromium\'s SwiftShader driver, found through two variables set before node starts:\n' +
        '  LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json npm run experiment -- ...\n' +
        `(apt-get install chromium if /usr/lib/chromium is missing). Now: ${env}. Or run with --backend cpu.\n`,
    );
    return null;
  }
  if (config.backend !== 'cpu') process.stderr.write(`backend: ${chosen.note}\n`);
  return chosen;
}

/** Dawn's GPU entry point, with the kernels' `.wgsl?raw` imports made loadable under tsx. */
async function nodeGpuEntry(): Promise<GPU> {
  const { register } = await import('node:module');
  register('../engine/webgpu/node/wgslHooks.mjs', import.meta.url);
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  return create([]);
}

/** onnxruntime-web's Node build (WASM, one thread) labelling from each teacher's exported model. */
async function onnxLabeler(config: ExperimentConfig): Promise<TeacherLabeler> {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  process.stderr.write(`labeler: onnxruntime-web ${ort.env.versions.web} (WASM) on each teacher's exported ONNX model\n`);
  return createOrtLabeler(ort, config, { executionProviders: ['wasm'] });
}

async function run(config: ExperimentConfig, chosen: ChosenBackend, options: RunOptions): Promise<ExperimentResult> {
  try {
    return await runExperiment(config, chosen.backend, options);
  } finally {
    chosen.dispose();
  }
}

function render(json: boolean, results: ExperimentResult[]): string {
  if (results.length === 1) return json ? JSON.stringify(resultJson(results[0]), null, 2) : resultTable(results[0]);
  const summary = summarizeSeeds(results);
  if (json) return JSON.stringify({ link: results[0].link, runs: results.map(resultJson), mean: summary }, null, 2);
  return summaryTable(results[0].link, summary);
}

// exitCode, not exit(): let stdout drain before the process ends.
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`experiment failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
