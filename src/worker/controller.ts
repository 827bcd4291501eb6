import type { BackendChoice, ExperimentConfig } from '../config/schema.ts';
import { createBackend } from '../selftrain/backendChoice.ts';
import { experimentSize } from '../selftrain/backendCrossover.ts';
import type { Checkpoint, ExperimentEvent, ResumePoint } from '../selftrain/events.ts';
import { runExperiment } from '../selftrain/runExperiment.ts';
import { imageRequestFor } from '../data/datasets.ts';
import type { LoadedImages } from '../data/images/format.ts';
import { httpSource } from '../data/images/httpSource.ts';
import { ImageDataError, loadImages, type ByteSource } from '../data/images/load.ts';
import { TeacherImportError } from '../onnx/errors.ts';
import { openTeacher, teacherExpectation, type ImportedTeacher, type TeacherFile } from '../onnx/importTeacher.ts';
import { describeFailure, isDeviceLoss, runUntilLost } from './deviceLoss.ts';
import { createLabelerChoice, NO_ORT, onceUntilFailed, type OrtLoader } from './labelerChoice.ts';
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
 * A host-agnostic controller: start, pause, resume, step and cancel over `runExperiment`,
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
  const ortRuntime = onceUntilFailed(loadOrt);
  const pickLabeler = createLabelerChoice(ortRuntime);
  let current: ActiveRun | null = null;
  let stopped: StoppedRun | null = null;
  /** The latest run's completion, kept after it is cancelled so `settled` can wait for its unwinding. */
  let latest: Promise<void> = Promise.resolve();
  const live = (run: ActiveRun) => current === run && !run.abort.signal.aborted;
  /** The last images loaded, kept so that running the same data again downloads nothing. */
  let cachedImages: { key: string; images: Promise<LoadedImages> } | null = null;

  /** The images an image run needs, loading them (with progress messages) unless the last load covers them. */
  function imagesFor(run: ActiveRun): Promise<LoadedImages> | undefined {
    const request = imageRequestFor(run.config);
    if (!request) return undefined;
    const key = `${run.dataUrl}|${request.data}|${request.train}|${request.test}`;
    if (cachedImages?.key !== key) {
      const loading = loadImages(request, imageSource(run.dataUrl), (received, total) => {
        if (live(run)) post({ type: 'data', runId: run.runId, received, total });
      });
      cachedImages = { key, images: loading };
      loading.catch(() => cachedImages?.images === loading && (cachedImages = null));
    }
    return cachedImages.images;
  }

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
    const { config, gridSize, dataUrl } = run;
    try {
      const images = await imagesFor(run);
      if (!live(run)) return;
      const { labeler, status } = await pickLabeler(config);
      if (!live(run)) return;
      // Once generation 0 has finished, its teacher has done its part.
      const imported = run.teacher && !run.point ? await openImported(run.teacher, config) : null;
      if (live(run)) post({ type: 'labeler', runId: run.runId, labeler: imported ? { ...status, teacher: imported.summary } : status });
      const chosen = await createBackend(backend, { size: experimentSize(config) }).catch(async (error: unknown) => {
        await imported?.release();
        throw error;
      });
      try {
        if (!live(run)) return;
        await runUntilLost(chosen, (signal) =>
          runExperiment(config, chosen.backend, {
            firstTeacher: imported?.label,
            signal,
            gridSize,
            onEvent: (event) => observe(run, event),
            checkpoint: (at) => checkpoint(run, at),
            onResumePoint: (point) => (run.point = point),
            onModel: (model) => {
              if (live(run)) post({ type: 'model', runId: run.runId, model });
            },
            resume: run.point ?? undefined,
            images,
            labeler,
          }),
        run.abort.signal);
      } finally {
        chosen.dispose();
        await imported?.release();
      }
    } catch (error) {
      // A cancelled run is no longer live. An AbortError while it still is came from the
      // engine (Chromium rejects a pending mapAsync when its device is destroyed): report it.
      if (!live(run)) return;
      const resumable = isDeviceLoss(error);
      if (resumable) stopped = { runId: run.runId, config, gridSize, dataUrl, point: run.point, teacher: run.teacher };
      const message = failureMessage(error, config, run.point?.generations.at(-1)?.generation ?? -1);
      post({ type: 'error', runId: run.runId, message, ...(resumable ? { resumable } : {}) });
    } finally {
      if (current === run) current = null;
    }
  }

  /** The visitor's teacher opened on onnxruntime-web and checked against `config`'s dataset. */
  async function openImported(teacher: TeacherFile, config: ExperimentConfig): Promise<ImportedTeacher> {
    const runtime = await ortRuntime().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TeacherImportError(`onnxruntime-web could not load here (${reason}), and reading ${teacher.name} needs it.`);
    });
    return openTeacher(runtime.ort, runtime.options, teacher, teacherExpectation(config));
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

/** What the page says when a run fails: image data, a teacher file, or the engine (deviceLoss.ts). */
function failureMessage(error: unknown, config: ExperimentConfig, from: number): string {
  if (error instanceof ImageDataError) return imageFailure(config.data, error);
  if (error instanceof TeacherImportError) return `${error.message} The run stopped; your settings are kept: remove the teacher or pick another file.`;
  return describeFailure(error, from);
}

/** What the page says when an image set could not be loaded or failed its checksum. */
function imageFailure(data: string, error: ImageDataError): string {
  return `Could not load the ${data} images: ${error.message}. Nothing ran; the page still works: reload to try again, or pick another dataset.`;
}
