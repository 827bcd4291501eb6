import type { BackendChoice, ExperimentConfig } from '../config/schema.ts';
import { httpSource } from '../data/images/httpSource.ts';
import type { ByteSource } from '../data/images/load.ts';
import { isDeviceLoss } from '../host/deviceLoss.ts';
import { createExperimentHost } from '../host/experimentHost.ts';
import { runFailureMessage } from '../host/failures.ts';
import { NO_ORT, type OrtLoader } from '../host/labelerChoice.ts';
import type { TeacherFile } from '../onnx/importTeacher.ts';
import type { Checkpoint, ExperimentEvent, ResumePoint } from '../selftrain/events.ts';
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
  config: ExperimentConfig;
  gridSize: number;
  /** Where the site serves image data; empty for 2-D runs and hosts without it. */
  dataUrl: string;
  /** Where the run can go on from if its device is lost; null before generation 0 finishes. */
  point: ResumePoint | null;
  /** Generation 0's teacher, a visitor's .onnx file; null: generation 0 learns from the labels alone. */
  teacher: TeacherFile | null;
  done: Promise<void>;
}

/** A run stopped by a lost device, kept until it goes on or another run starts. */
type StoppedRun = Pick<ActiveRun, 'runId' | 'config' | 'gridSize' | 'dataUrl' | 'point' | 'teacher'>;

/**
 * The worker's side of the page: start, pause, resume, step and cancel over the experiment host,
 * posting protocol messages through `post`. Pause holds at the next epoch checkpoint; Step
 * runs to the next generation checkpoint and holds there. A new start cancels the old run,
 * and nothing from a cancelled run is posted after its 'cancelled'. `yieldToHost` lets the
 * host's event loop deliver commands at every checkpoint. `loadOrt` brings onnxruntime-web for
 * runs with labeler=onnx (without it they label with the engine, and say so).
 */
export function createRunController(
  post: (message: WorkerMessage) => void,
  yieldToHost: () => Promise<void> = async () => {},
  imageSource: (dataUrl: string) => ByteSource = httpSource,
  loadOrt: OrtLoader = NO_ORT,
): RunController {
  const host = createExperimentHost({ imageSource, loadOrt });
  let current: ActiveRun | null = null;
  let stopped: StoppedRun | null = null;
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

  function launch(from: StoppedRun, stepping: boolean, backend: BackendChoice): void {
    const previous = current;
    cancel();
    stopped = null;
    const run: ActiveRun = {
      ...from,
      abort: new AbortController(),
      pauseRequested: false,
      stepping,
      release: null,
      plannedGenerations: Number.POSITIVE_INFINITY,
      lastGeneration: from.point?.generations.at(-1)?.generation ?? -1,
      done: Promise.resolve(),
    };
    current = run;
    // The old run stops at its next epoch; waiting for it keeps two runs off one CPU.
    run.done = (previous?.done ?? latest).then(() => execute(run, backend));
    latest = run.done;
  }

  function start(command: Extract<WorkerCommand, { type: 'start' }>): void {
    const { runId, config, gridSize, dataUrl = '', teacher = null } = command;
    launch({ runId, config, gridSize, dataUrl, point: null, teacher }, command.stepping, config.backend);
  }

  /** Goes on with a run its lost device stopped, from its last finished generation, on `backend`. */
  function resumeRun(command: Extract<WorkerCommand, { type: 'resume-run' }>): void {
    if (!stopped || stopped.runId !== command.runId || current) return;
    launch(stopped, false, command.backend);
  }

  async function execute(run: ActiveRun, backend: BackendChoice): Promise<void> {
    if (!live(run)) return;
    const { runId, config, gridSize, dataUrl } = run;
    try {
      await host.run({
        config,
        backend,
        dataUrl,
        gridSize,
        teacher: run.teacher,
        resume: run.point ?? undefined,
        signal: run.abort.signal,
        onImages: (received, total) => live(run) && post({ type: 'data', runId, received, total }),
        onLabeler: (labeler) => post({ type: 'labeler', runId, labeler }),
        onEvent: (event) => observe(run, event),
        checkpoint: (at) => checkpoint(run, at),
        onResumePoint: (point) => (run.point = point),
        onModel: (model) => live(run) && post({ type: 'model', runId, model }),
      });
    } catch (error) {
      // A cancelled run is no longer live. An AbortError while it still is came from the
      // engine (Chromium rejects a pending mapAsync when its device is destroyed): report it.
      if (!live(run)) return;
      const resumable = isDeviceLoss(error);
      if (resumable) stopped = { runId, config, gridSize, dataUrl, point: run.point, teacher: run.teacher };
      const message = runFailureMessage(error, config, run.point?.generations.at(-1)?.generation ?? -1);
      post({ type: 'error', runId, message, ...(resumable ? { resumable } : {}) });
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
        case 'resume-run':
          return resumeRun(command);
        case 'cancel':
          stopped = null;
          return cancel();
      }
    },
    settled: () => latest,
  };
}
