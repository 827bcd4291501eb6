import { PRESETS } from '../../src/config/presets.ts';
import { ENGINE_NAMES, LABELLER_NAMES, WORKLOAD_NAMES, type EngineName, type LabellerName, type WorkloadName } from '../report/types.ts';

/** Whether the run times the presets to their results (minutes): also, not at all, or that alone. */
export type TimeToResultChoice = 'with' | 'without' | 'only';

export interface BenchArgs {
  /** Where to write the JSON report, or null. */
  json: string | null;
  /** Shorter epochs and fewer of them: a smoke run, noisier numbers. */
  quick: boolean;
  /** Rounds of the whole plan (null: 2, or 1 with --quick). */
  rounds: number | null;
  /** Only these engines / labellers / workloads (all when null); --engines fills both engines and labellers. */
  engines: EngineName[] | null;
  labellers: LabellerName[] | null;
  workloads: WorkloadName[] | null;
  /** The training rows only: no labelling pass, no generation rows, no time to result. */
  trainingOnly: boolean;
  timeToResult: TimeToResultChoice;
  /** The presets to time, by their place in the menu from 1 (all when null). */
  presets: number[] | null;
  help: boolean;
}

const NAMES: readonly string[] = [...new Set<string>([...ENGINE_NAMES, ...LABELLER_NAMES])];

export const USAGE = `npm run bench [-- --json FILE] [--quick] [--rounds N] [--engines a,b] [--workloads W1,W2] [--training-only]
                 [--time-to-result | --no-time-to-result] [--presets 1,9]
  --json FILE     also write { adapter, browser, rows: [...] } to FILE
  --quick         shorter and fewer epochs, one round (a smoke run; noisier)
  --rounds N      run the whole plan N times and keep each row's best round (default 2)
  --engines LIST  only these of ${NAMES.join(', ')}
                  (the ort-* names are labellers of the labelling pass only)
  --workloads L   only these of ${WORKLOAD_NAMES.join(', ')}
  --training-only the training rows only (no labelling pass, generation rows or time to result)
  --time-to-result     only time each preset to its first generation and its end, in the page
                       and on the CLI (minutes: the image presets run for minutes each)
  --no-time-to-result  everything but that
  --presets LIST  time only these presets, by their place in the menu (1 to ${PRESETS.length})`;

/** A command line the bench cannot run, with what to change. */
export class ArgsError extends Error {
  override name = 'ArgsError';
}

function pickList<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(allowed as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) throw new ArgsError(`${flag}: unknown ${unknown.join(', ') || 'empty list'}; choose from ${allowed.join(', ')}.`);
  return names as T[];
}

function positiveInteger(flag: string, value: string, max = 10): number {
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1 && n <= max)) throw new ArgsError(`${flag}: want a whole number from 1 to ${max}, got ${value}.`);
  return n;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { json: null, quick: false, rounds: null, engines: null, labellers: null, workloads: null, trainingOnly: false, timeToResult: 'with', presets: null, help: false };
  const timeToResultFlags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new ArgsError(`${flag} needs a value.`);
      return next;
    };
    if (flag === '--json') args.json = value();
    else if (flag === '--quick') args.quick = true;
    else if (flag === '--rounds') args.rounds = positiveInteger(flag, value());
    else if (flag === '--engines') {
      const names = pickList(flag, value(), NAMES);
      args.engines = ENGINE_NAMES.filter((name) => names.includes(name));
      args.labellers = LABELLER_NAMES.filter((name) => names.includes(name));
    } else if (flag === '--workloads') args.workloads = pickList(flag, value(), WORKLOAD_NAMES);
    else if (flag === '--training-only') args.trainingOnly = true;
    else if (flag === '--time-to-result' || flag === '--no-time-to-result') {
      timeToResultFlags.push(flag);
      args.timeToResult = flag === '--time-to-result' ? 'only' : 'without';
    } else if (flag === '--presets') args.presets = value().split(',').map((place) => positiveInteger(flag, place.trim(), PRESETS.length));
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new ArgsError(`Unknown argument ${flag}.`);
  }
  if (new Set(timeToResultFlags).size > 1) throw new ArgsError('--time-to-result and --no-time-to-result: choose one.');
  if (args.trainingOnly && args.timeToResult === 'only') throw new ArgsError('--training-only and --time-to-result: choose one.');
  if (args.trainingOnly) args.timeToResult = 'without';
  return args;
}
