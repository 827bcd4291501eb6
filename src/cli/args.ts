import { BACKENDS, type BackendChoice } from '../config/schema.ts';

/** What a command line asked for. */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'list-presets'; json: boolean }
  | { kind: 'run'; link: string; json: boolean; backend: BackendChoice | null; seeds: number; exportOnnx: string | null; labeler: Labeler | null };

/** Who runs each teacher's labelling pass: the engine, or onnxruntime-web (WASM) on the teacher's exported ONNX file. */
export const LABELERS = ['engine', 'onnx'] as const;
export type Labeler = (typeof LABELERS)[number];

/** A command line the runner cannot act on; printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  npm run experiment -- "<link or hash>" [--json] [--backend auto|cpu|wasm|webgpu] [--seeds N]
                         [--export-onnx DIR] [--labeler engine|onnx]
  npm run experiment -- --list-presets [--json]

  <link or hash>   a share link (https://.../#v=1&data=moons&...) or just its hash
  --json           print one JSON object instead of a table
  --backend        run on this backend, whatever the link says; wasm runs the
                   WebAssembly SIMD kernels on one core; webgpu runs on the
                   \`webgpu\` package (Dawn): without a GPU, start node with
                   LD_LIBRARY_PATH=/usr/lib/chromium
                   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json
  --seeds N        run N seeds (the link's seed, seed+1, ...) and print their mean
  --export-onnx DIR  write each generation's model as DIR/gen-0.onnx ... gen-G.onnx
                   (gen-00.onnx ... when G >= 10) and the run's JSON as DIR/result.json;
                   with --seeds N, one folder per seed: DIR/seed-<seed>/
  --labeler        who labels the pool each generation: the engine, or
                   onnxruntime-web (WASM) running the teacher's exported ONNX model
                   (default: the link's labeler key, engine when it has none)
  --list-presets   print the ready-made experiments

Exit code 0 when the run finished, 2 on a usage error, 3 when the loss diverged with
no healthy student left (what finished is printed, the message goes to stderr), 1 otherwise.`;

/** Most seeds one command may run: enough to average, few enough to stay a command and not a batch job. */
const MAX_SEEDS = 100;

export function parseArgs(argv: readonly string[]): CliRequest {
  let json = false;
  let listPresets = false;
  let backend: BackendChoice | null = null;
  let seeds = 1;
  let exportOnnx: string | null = null;
  let labeler: Labeler | null = null;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else if (arg === '--json') json = true;
    else if (arg === '--list-presets') listPresets = true;
    else if (arg === '--backend') backend = parseBackend(value());
    else if (arg === '--seeds') seeds = parseSeeds(value());
    else if (arg === '--export-onnx') exportOnnx = value();
    else if (arg === '--labeler') labeler = parseLabeler(value());
    else if (arg.startsWith('-') && !arg.startsWith('#')) throw new UsageError(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  if (listPresets) {
    if (positional.length > 0) throw new UsageError('--list-presets takes no link.');
    return { kind: 'list-presets', json };
  }
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'Give a link or hash to run.' : 'Give exactly one link or hash.');
  return { kind: 'run', link: positional[0], json, backend, seeds, exportOnnx, labeler };
}

function parseBackend(text: string): BackendChoice {
  const choice = BACKENDS.find((name) => name === text);
  if (!choice) throw new UsageError(`Unknown backend "${text}": use one of ${BACKENDS.join(', ')}.`);
  return choice;
}

function parseLabeler(text: string): Labeler {
  const labeler = LABELERS.find((name) => name === text);
  if (!labeler) throw new UsageError(`Unknown labeler "${text}": use one of ${LABELERS.join(', ')}.`);
  return labeler;
}

function parseSeeds(text: string): number {
  const seeds = Number(text);
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > MAX_SEEDS) throw new UsageError(`--seeds takes a whole number from 1 to ${MAX_SEEDS}, not "${text}".`);
  return seeds;
}

/** The hash part of a link, without '#': accepts a whole URL, '#v=1&...' or 'v=1&...'. */
export function hashOf(link: string): string {
  const at = link.indexOf('#');
  return at >= 0 ? link.slice(at + 1) : link;
}
