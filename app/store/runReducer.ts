import type { CriticName, SearchName } from '../../src/config/schema.ts';
import { baseRecipe, type Recipe } from '../../src/selftrain/recipe.ts';
import { classNames } from '../../src/data/datasets.ts';
import type { BackendInfo } from '../../src/engine/backend.ts';
import type { DecisionGrid, GenerationModel, GenerationResult, ProgressPhase, PseudoLabelSnapshot, WarmupResult, WarmupSamples } from '../../src/selftrain/events.ts';
import type { PretextTask } from '../../src/model/pretext.ts';
import type { LabelerStatus, WorkerMessage } from '../../src/worker/protocol.ts';
import { nextClock, secondsLeft, type PhaseClock, type PhaseProgress } from '../format/progressText.ts';

export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'error';

/** The self-supervised warm-up before generation 0 (config.pretrain), as its events describe it. */
export interface RunWarmup {
  task: PretextTask;
  /** Warm-up epochs planned (config.pepochs). */
  epochs: number;
  /** Each finished warm-up epoch's mean loss (squared error per value for denoise, cross-entropy for rotate). */
  loss: number[];
  /** Its result once over (or stopped); null while it trains. */
  result: WarmupResult | null;
  /** What its network makes of a few rows, once over; null while it trains, when it stopped, or for a 2-D run without a grid. */
  samples: WarmupSamples | null;
}

/** What the page knows about the current run; plain data, changed only by `reduceRunMessage`. */
export interface RunData {
  /** The run the page listens to; messages of any other run are stale. 0: none yet. */
  runId: number;
  status: RunStatus;
  /** Generations after generation 0 this run will train (its config's `gens`). */
  totalGenerations: number;
  /** The generation in training (or last trained); -1 before the first epoch. */
  generation: number;
  /** The last finished epoch of `generation` (1-based), 0 before any. */
  epoch: number;
  epochsPerGeneration: number;
  /**
   * The learning rate, the number of classes, the students per generation, the critic, the audit's
   * size, the gate, the recipe search and the config's own recipe the run trains with (from its
   * start event); null before it.
   */
  trainedWith: { lr: number; classes: number; pool: number; students: number; critic: CriticName; audit: number; gate: boolean; search: SearchName; recipe: Recipe } | null;
  backend: BackendInfo | null;
  /** Who labels the pool (the worker says so before the run trains); null until then. */
  labeler: LabelerStatus | null;
  results: GenerationResult[];
  /** Each finished generation's trained model, in generation order (what the Downloads area exports). */
  models: GenerationModel[];
  /** Test accuracy of the labelled-only model (generation 0). */
  baseline: number | null;
  /** Test accuracy of the all-labels oracle. */
  oracle: number | null;
  /** With an audit: test accuracy of the labelled-only model trained on labels plus audit examples (known at the run's end). */
  withAudit: number | null;
  pseudo: PseudoLabelSnapshot | null;
  grid: DecisionGrid | null;
  /** The latest generation's predicted class per test row. */
  testPredictions: Int32Array | null;
  stoppedEarly: boolean;
  /** An engine phase in progress that is no generation's epochs (the oracle's training, a labelling pass); null when none. */
  phase: { name: ProgressPhase; done: number; total: number } | null;
  /** When the current phase's pace started being measured, and the seconds left at that pace (null: not yet known). */
  clock: PhaseClock | null;
  secondsLeft: number | null;
  /** Image data loading: compressed bytes received of those needed; null for 2-D data. */
  data: { received: number; total: number } | null;
  error: string | null;
  /** The run stopped on a lost GPU device and can go on from its last finished generation. */
  resumable: boolean;
  /** With config.pretrain: the warm-up (from the start event on); null without one. */
  warmup: RunWarmup | null;
}

export const IDLE_RUN: RunData = {
  runId: 0,
  status: 'idle',
  totalGenerations: 0,
  generation: -1,
  epoch: 0,
  epochsPerGeneration: 0,
  trainedWith: null,
  backend: null,
  labeler: null,
  results: [],
  models: [],
  baseline: null,
  oracle: null,
  withAudit: null,
  pseudo: null,
  grid: null,
  testPredictions: null,
  stoppedEarly: false,
  phase: null,
  clock: null,
  secondsLeft: null,
  data: null,
  error: null,
  resumable: false,
  warmup: null,
};

/** The run data right after the page asked the worker to start run `runId`. */
export function startedRun(runId: number, totalGenerations: number, epochsPerGeneration: number): RunData {
  return { ...IDLE_RUN, runId, status: 'running', totalGenerations, epochsPerGeneration };
}

/** The run data right after the page asked a run stopped by a lost device to go on: its results stay. */
export function continuedRun(run: RunData): RunData {
  const last = run.results.at(-1)?.generation ?? -1;
  return { ...run, status: 'running', error: null, resumable: false, phase: null, generation: Math.min(last + 1, run.totalGenerations), epoch: 0 };
}

/**
 * The change one worker message makes to the run, or null when it changes nothing
 * (a stale run's message, or one that arrives after the run ended).
 */
export function reduceRunMessage(run: RunData, message: WorkerMessage): Partial<RunData> | null {
  // After a reset the run is idle: whatever its worker still says is stale.
  if (message.runId !== run.runId || run.status === 'idle') return null;
  const ended = run.status === 'done' || run.status === 'error';
  switch (message.type) {
    case 'paused':
      return ended ? null : { status: 'paused' };
    case 'resumed':
      return ended ? null : { status: 'running' };
    case 'cancelled':
      return null;
    case 'labeler':
      return ended ? null : { labeler: message.labeler };
    case 'data':
      return ended ? null : { data: { received: message.received, total: message.total } };
    case 'error':
      return { status: 'error', error: message.message, resumable: message.resumable === true };
    case 'event':
      return ended ? null : reduceEvent(run, message.event);
    case 'model': {
      if (ended) return null;
      const models = [...run.models.filter((m) => m.generation !== message.model.generation), message.model];
      return { models: models.sort((a, b) => a.generation - b.generation) };
    }
  }
}

type EventMessage = Extract<WorkerMessage, { type: 'event' }>;

function reduceEvent(run: RunData, event: EventMessage['event']): Partial<RunData> | null {
  switch (event.type) {
    case 'start':
      return {
        backend: event.backend,
        totalGenerations: event.config.gens,
        epochsPerGeneration: event.epochs,
        trainedWith: {
          lr: event.config.lr,
          classes: classNames(event.config).length,
          pool: event.config.pool,
          students: event.config.students,
          critic: event.config.critic,
          audit: event.config.audit,
          gate: event.config.gate,
          search: event.config.search,
          recipe: baseRecipe(event.config),
        },
        // A run going on after a lost device is past its warm-up, which it does not repeat: keep the one shown.
        warmup: run.warmup?.result ? run.warmup : startingWarmup(event.config.pretrain, event.config.pepochs),
      };
    case 'warmup':
      return run.warmup ? { warmup: { ...run.warmup, epochs: event.epochs, loss: [...run.warmup.loss.slice(0, event.epoch - 1), event.loss] } } : null;
    case 'warmup-done':
      return { warmup: { task: event.result.task, epochs: run.warmup?.epochs ?? event.result.loss.length, loss: event.result.loss, result: event.result, samples: event.samples } };
    case 'progress':
      return { phase: { name: event.phase, done: event.done, total: event.total } };
    case 'reference':
      return event.name === 'oracle' ? { oracle: event.testAccuracy, phase: labellingNext(run) } : { withAudit: event.testAccuracy, phase: null };
    case 'epoch':
      // A generation's epochs follow its labelling pass, which sends no event of its own when it ends.
      return { generation: event.generation, epoch: event.epoch, epochsPerGeneration: event.epochs, phase: run.phase?.name === 'labelling' ? null : run.phase };
    case 'generation': {
      const { result } = event;
      const results = [...run.results.filter((row) => row.generation !== result.generation), result];
      results.sort((a, b) => a.generation - b.generation);
      return {
        results,
        // The next generation starts now (the status says so until its first epoch).
        generation: Math.min(result.generation + 1, run.totalGenerations),
        epoch: 0,
        baseline: result.generation === 0 ? result.testAccuracy : run.baseline,
        // The engine trains the oracle right after generation 0: say so now, not at its first 'progress' event.
        phase:
          result.generation === 0 && run.oracle === null
            ? { name: 'oracle', done: 0, total: run.epochsPerGeneration }
            : labellingNext({ ...run, generation: result.generation + 1, results }) ?? (afterEpochs(run.phase?.name) ? null : run.phase),
        pseudo: event.pseudo,
        grid: event.grid ?? run.grid,
        testPredictions: event.testPredictions,
      };
    }
    case 'done':
      return {
        status: 'done',
        phase: null,
        stoppedEarly: event.stoppedEarly,
        oracle: event.result.oracle.testAccuracy,
        baseline: event.result.baseline.testAccuracy,
        withAudit: event.result.baseline.withAudit?.testAccuracy ?? null,
      };
  }
}

/** A warm-up about to train `epochs` epochs of `pretrain`; null for none. */
function startingWarmup(pretrain: PretextTask | 'none', epochs: number): RunWarmup | null {
  return pretrain === 'none' ? null : { task: pretrain, epochs, loss: [], result: null, samples: null };
}

/** The phases that follow a generation's epochs and end with it: its test pass and the judging of its students. */
const afterEpochs = (phase: ProgressPhase | undefined) => phase === 'testing' || phase === 'judging';

/**
 * The labelling pass that comes next when `run.generation` is still to train (its teacher labels
 * the pool first), shown at once rather than at its first 'progress' event; else null.
 */
function labellingNext(run: RunData): RunData['phase'] {
  const { generation } = run;
  if (generation < 1 || generation > run.totalGenerations || run.results.some((row) => row.generation === generation)) return null;
  return { name: 'labelling', done: 0, total: run.trainedWith?.pool ?? 0 };
}

/**
 * The phase a running (or paused) run is in, for its progress bar: the image download while
 * it lasts, the warm-up's epochs, a reference model (the oracle, labels + audit, generation 0 without the warm-up) while it trains, a generation's
 * labelling pass or the judging of its students, else the generation's epochs. `dataset` names the images; `rows` what the
 * pool holds ("images", "points").
 */
export function runPhase(run: RunData, dataset: string, rows = 'points'): PhaseProgress | null {
  if (run.status !== 'running' && run.status !== 'paused') return null;
  if (run.data && run.data.received < run.data.total) return { kind: 'images', dataset, done: run.data.received, total: run.data.total };
  if (run.warmup && !run.warmup.result) return { kind: 'warmup', task: run.warmup.task, done: run.warmup.loss.length, total: run.warmup.epochs };
  if (run.phase?.name === 'labelling' || run.phase?.name === 'judging') return { kind: run.phase.name, rows, done: run.phase.done, total: run.phase.total };
  if (run.phase?.name === 'testing') return { kind: 'testing', generation: Math.max(0, run.generation), rows, done: run.phase.done, total: run.phase.total };
  if (run.phase) return { kind: run.phase.name, done: run.phase.done, total: run.phase.total };
  if (run.epochsPerGeneration <= 0) return null;
  return { kind: 'train', generation: Math.max(0, run.generation), done: run.epoch, total: run.epochsPerGeneration };
}

/** The run with its phase's clock moved on to `now` (milliseconds): paused time is no pace, so a pause restarts it. */
export function timedRun(run: RunData, now: number): RunData {
  const phase = runPhase(run, '');
  const clock = phase && run.status === 'running' ? nextClock(run.clock, phase, now) : null;
  return { ...run, clock, secondsLeft: phase && clock ? secondsLeft(clock, phase, now) : null };
}
