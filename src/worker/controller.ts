import type { ExperimentConfig } from '../config/schema.ts';
import { createBackend, type ChosenBackend } from '../selftrain/backendChoice.ts';
import { experimentSize } from '../selftrain/backendCrossover.ts';
import { isAbortError } from '../selftrain/errors.ts';
import type { Checkpoint, ExperimentEvent } from '../selftrain/events.ts';
import { runExperiment } from '../selftrain/runExperiment.ts';
import type { WorkerCommand, WorkerMessage } from './protocol.ts';

/** Drives runs from protocol commands; the worker entry and the tests are its hosts. */
export interface RunController {
  handle(command: WorkerCommand): void;
  /** Settles when the current run (if any) has finished, failed or been cancelled. */
  settled(): Promise<void>;
}

/** One run and its pause/step state, kept in the controller's closure. */
interface ActiveRun {
  runId: number;
  abort: AbortController;
  /** Hold at the next checkpoint of any kind. */
  pauseRequested: boolean;
  /** Hold at the next generation checkpoint. */
  stepping: boolean;
  /** Releases the checkpoint the run is held at; null while it runs. */
  release: (() => void) | null;
  /** Generations planned (from the start event) and the last one finished. */
  plannedGenerations: number;
  lastGeneration: number;
  done: Promise<void>;
}

/**
 * A host-agnostic controller: start, pause, resume, step and cancel over `runExperiment`,
 * posting protocol messages through `post`. Pause holds at the next epoch checkpoint; Step
 * runs to the next generation checkpoint and holds there. A new start cancels the old run,
 * and nothing from a cancelled run is posted after its 'cancelled'. `yieldToHost` lets the
 * host's event loop deliver commands at every checkpoint.
 */
export function createRunController(post: (message: WorkerMessage) => void, yieldToHost: () => Promise<void> = async () => {}): RunController {
  let current: ActiveRun | null = null;
  /** The latest run's completion, kept after it is cancelled so `settled` can wait for its unwinding. */
  let latest: Promise<void> = Promise.resolve();
  const live = (run: ActiveRun) => current === run && !run.abort.signal.aborted;

  function cancel(): void {
    const run = current;
    if (!run) return;
    current = null;
    run.abort.abort();
    run.release?.();
    post({ type: 'cancelled', runId: run.runId });
  }

  function start(command: Extract<WorkerCommand, { type: 'start' }>): void {
    const previous = current;
    cancel();
    const run: ActiveRun = {
      runId: command.runId,
      abort: new AbortController(),
      pauseRequested: false,
      stepping: command.stepping,
      release: null,
      plannedGenerations: Number.POSITIVE_INFINITY,
      lastGeneration: -1,
      done: Promise.resolve(),
    };
    current = run;
    // The old run stops at its next epoch; waiting for it keeps two runs off one CPU.
    run.done = (previous?.done ?? Promise.resolve()).then(() => execute(run, command.config, command.gridSize));
    latest = run.done;
  }

  async function execute(run: ActiveRun, config: ExperimentConfig, gridSize: number): Promise<void> {
    if (!live(run)) return;
    try {
      const chosen = await createBackend(config.backend, { size: experimentSize(config) });
      try {
        if (!live(run)) return;
        await runUntilLost(chosen, (signal) =>
          runExperiment(config, chosen.backend, {
            signal,
            gridSize,
            onEvent: (event) => observe(run, event),
            checkpoint: (at) => checkpoint(run, at),
          }),
        run.abort.signal);
      } finally {
        chosen.dispose();
      }
    } catch (error) {
      if (live(run) && !isAbortError(error)) post({ type: 'error', runId: run.runId, message: describeFailure(error) });
    } finally {
      if (current === run) current = null;
    }
  }

  function observe(run: ActiveRun, event: ExperimentEvent): void {
    if (!live(run)) return;
    if (event.type === 'start') run.plannedGenerations = event.generations;
    if (event.type === 'generation') run.lastGeneration = event.result.generation;
    post({ type: 'event', runId: run.runId, event });
  }

  async function checkpoint(run: ActiveRun, at: Checkpoint): Promise<void> {
    // A backend's promises may resolve at once; without a macrotask here a worker would not
    // read Pause, Step or Cancel until the whole run had finished.
    await yieldToHost();
    // After the last generation 'done' follows at once: holding there would only hide it.
    const finished = at === 'generation' && run.lastGeneration >= run.plannedGenerations;
    const hold = run.pauseRequested || (at === 'generation' && run.stepping);
    if (!live(run) || !hold || finished) return;
    run.pauseRequested = false;
    run.stepping = false;
    post({ type: 'paused', runId: run.runId });
    await new Promise<void>((resolve) => (run.release = resolve));
    run.release = null;
  }

  function resume(stepping: boolean): void {
    const run = current;
    if (!run) return;
    run.pauseRequested = false;
    run.stepping = stepping;
    if (!run.release) return;
    post({ type: 'resumed', runId: run.runId });
    run.release();
  }

  return {
    handle(command) {
      switch (command.type) {
        case 'start':
          return start(command);
        case 'pause':
          if (current && !current.release) current.pauseRequested = true;
          return;
        case 'resume':
          return resume(false);
        case 'step':
          return resume(true);
        case 'cancel':
          return cancel();
      }
    },
    settled: () => latest,
  };
}

/** The GPU device went away mid-run. */
class DeviceLost extends Error {
  override name = 'DeviceLost';
}

/**
 * Runs `work` and stops it if the backend's GPU device is lost first: the run's signal is
 * aborted and a DeviceLost names the loss, so the run ends with that message instead of
 * hanging on a read that never settles. (Going on from the last finished generation, on a
 * new device or the CPU, is not built yet: the person starts the run again.)
 */
async function runUntilLost(chosen: ChosenBackend, work: (signal: AbortSignal) => Promise<unknown>, signal: AbortSignal): Promise<void> {
  const stop = new AbortController();
  let running = true;
  const lost = chosen.lost.then((loss) => {
    if (!running) return;
    stop.abort();
    throw new DeviceLost(`the GPU device was lost (${loss.reason}${loss.message ? `: ${loss.message}` : ''}) on ${chosen.backend.info.adapter}`);
  });
  const done = work(AbortSignal.any([signal, stop.signal]));
  // Whichever loses the race must not become an unhandled rejection.
  done.catch(() => {});
  lost.catch(() => {});
  try {
    await Promise.race([done, lost]);
  } finally {
    running = false;
  }
}

/** A message a person can act on, whatever was thrown. */
function describeFailure(error: unknown): string {
  if (error instanceof DeviceLost || (error instanceof Error && error.name === 'GpuDeviceLostError')) {
    const detail = error instanceof DeviceLost ? `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.` : error.message;
    return `The run stopped: ${detail} Start it again to run on a new device, or choose backend=cpu.`;
  }
  const detail = (error instanceof Error ? error.message : String(error)).trim().replace(/([^.!?])$/, '$1.');
  return `The run stopped with an error: ${detail} Try Reset, or a smaller experiment (fewer points, a smaller model).`;
}
