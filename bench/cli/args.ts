import { ENGINE_NAMES, WORKLOAD_NAMES, type EngineName, type WorkloadName } from '../report/types.ts';

export interface BenchArgs {
  /** Where to write the JSON report, or null. */
  json: string | null;
  /** Shorter epochs and fewer of them: a smoke run, noisier numbers. */
  quick: boolean;
  /** Rounds of the whole plan (null: 2, or 1 with --quick). */
  rounds: number | null;
  /** Only these engines / workloads (all when null). */
  engines: EngineName[] | null;
  workloads: WorkloadName[] | null;
  /** The training rows only: no labelling pass, no generation rows. */
  trainingOnly: boolean;
  help: boolean;
}

export const USAGE = `npm run bench [-- --json FILE] [--quick] [--rounds N] [--engines a,b] [--workloads W1,W2] [--training-only]
  --json FILE     also write { adapter, browser, rows: [...] } to FILE
  --quick         shorter and fewer epochs, one round (a smoke run; noisier)
  --rounds N      run the whole plan N times and keep each row's best round (default 2)
  --engines LIST  only these of ${ENGINE_NAMES.join(', ')}
  --workloads L   only these of ${WORKLOAD_NAMES.join(', ')}
  --training-only the training rows only (no labelling pass, no generation rows)`;

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

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1 && n <= 10)) throw new ArgsError(`${flag}: want a whole number from 1 to 10, got ${value}.`);
  return n;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { json: null, quick: false, rounds: null, engines: null, workloads: null, trainingOnly: false, help: false };
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
    else if (flag === '--engines') args.engines = pickList(flag, value(), ENGINE_NAMES);
    else if (flag === '--workloads') args.workloads = pickList(flag, value(), WORKLOAD_NAMES);
    else if (flag === '--training-only') args.trainingOnly = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new ArgsError(`Unknown argument ${flag}.`);
  }
  return args;
}
