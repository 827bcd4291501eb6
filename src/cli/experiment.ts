/**
 * The command-line transport over the experiment host (src/host) that the page's worker uses
 * too, so a link gives the same numbers here and there. Usage in ./args.ts.
 */
import { decodeLink, encodeLink } from '../config/codec.ts';
import { PRESETS } from '../config/presets.ts';
import type { ExperimentConfig } from '../config/schema.ts';
import { diskSource } from '../data/images/node/diskSource.ts';
import type { ChosenBackend } from '../host/backendChoice.ts';
import { createExperimentHost } from '../host/experimentHost.ts';
import type { LabelerPick, LabelerStatus } from '../host/labelerChoice.ts';
import { loadNodeOrt } from '../onnx/nodeOrt.ts';
import { DivergedError } from '../selftrain/errors.ts';
import type { ExperimentResult } from '../selftrain/events.ts';
import { hashOf, parseArgs, USAGE, UsageError, type CliRequest } from './args.ts';
import { createOnnxExport, ExportDirError, seedExportDir } from './onnxExport.ts';
import { resultJson, resultTable, summaryTable } from './report.ts';
import { summarizeSeeds } from './presetCheck.ts';
import { withProgress } from './progress.ts';
import { followRun, stoppedJson, stoppedTable, type RunSoFar } from './stopped.ts';

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
  const results: ExperimentResult[] = [];
  for (let i = 0; i < request.seeds; i++) {
    const seedConfig = { ...config, seed: config.seed + i };
    let onnx: ReturnType<typeof createOnnxExport> | null = null;
    const { so, onEvent: follow } = followRun();
    const onEvent = request.progress ? withProgress((line) => process.stderr.write(line), follow) : follow;
    try {
      if (request.exportOnnx) onnx = createOnnxExport(seedExportDir(request.exportOnnx, seedConfig.seed, request.seeds), seedConfig);
      results.push(
        await host.run({ config: seedConfig, labeler: request.labeler ?? undefined, onEvent, onModel: onnx?.onModel, onLabeler: printLabeler, onBackend: (chosen) => printBackend(seedConfig, chosen) }),
      );
    } catch (error) {
      // With several seeds, the seeds before this one finished; the message names the one that stopped.
      if (error instanceof DivergedError) return printStopped(request.json, seedConfig, so, request.seeds > 1 ? `Seed ${seedConfig.seed}: ${error.message}` : error.message);
      if (!(error instanceof ExportDirError || error instanceof NoAskedGpuError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    onnx?.writeResult(results[i]);
  }
  process.stdout.write(`${render(request.json, results)}\n`);
  return 0;
}

/**
 * The CLI's host: image files converted on disk, onnxruntime-web's Node build, and WebGPU from
 * the `webgpu` package (Dawn), loaded only when a run may use it.
 */
const host = createExperimentHost({ imageSource: () => diskSource(), loadOrt: loadNodeOrt, gpu: nodeGpuEntry });

/** backend=webgpu found no adapter: on the command line an error with the fix, not a quiet CPU run. */
class NoAskedGpuError extends Error {
  override name = 'NoAskedGpuError';
}

function printBackend(config: ExperimentConfig, chosen: ChosenBackend): void {
  if (config.backend === 'webgpu' && !chosen.gpu) {
    const env = `LD_LIBRARY_PATH=${process.env.LD_LIBRARY_PATH ?? '(unset)'} VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES ?? '(unset)'}`;
    throw new NoAskedGpuError(
      '--backend webgpu: Dawn (the `webgpu` package) found no WebGPU adapter in Node.\n' +
        'Without a GPU, Dawn needs Chromium\'s SwiftShader driver, found through two variables set before node starts:\n' +
        '  LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json npm run experiment -- ...\n' +
        `(apt-get install chromium if /usr/lib/chromium is missing). Now: ${env}. Or run with --backend cpu.`,
    );
  }
  if (config.backend !== 'cpu') process.stderr.write(`backend: ${chosen.note}\n`);
}

function printLabeler(status: LabelerStatus, runtime: LabelerPick['runtime']): void {
  if (runtime) process.stderr.write(`labeler: onnxruntime-web ${runtime.version} (${runtime.provider.toUpperCase()}) on each teacher's exported ONNX model\n`);
  else if (status.fallback) process.stderr.write(`labeler: ${status.text}\n`);
}

/** Dawn's GPU entry point, with the kernels' `.wgsl?raw` imports made loadable under tsx. */
async function nodeGpuEntry(): Promise<GPU> {
  const { register } = await import('node:module');
  register('../engine/webgpu/node/wgslHooks.mjs', import.meta.url);
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  return create([]);
}

/**
 * A run stopped because its loss diverged: what finished before the stop (the JSON carries the
 * message as `stopped`), the message on stderr, and exit code 3 (1 is a crash, 2 a usage error).
 */
function printStopped(json: boolean, config: ExperimentConfig, so: RunSoFar, message: string): number {
  const link = encodeLink(config);
  const text = json ? JSON.stringify(stoppedJson(link, config, so, message), null, 2) : stoppedTable(link, config, so);
  if (text) process.stdout.write(`${text}\n`);
  process.stderr.write(`${message}\n`);
  return 3;
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
