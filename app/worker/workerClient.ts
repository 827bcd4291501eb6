import type { TeacherFile } from '../../src/onnx/importTeacher.ts';
import type { WorkerCommand, WorkerMessage } from '../../src/worker/protocol.ts';
import type { LabStore } from '../store/labStore.ts';
import { imageRequestFor } from '../../src/data/datasets.ts';
import { IMAGE_DATA_PATH } from '../../src/data/images/httpSource.ts';

/** The part of a Worker the client uses (a fake one stands in for it in tests). */
export interface WorkerPort {
  postMessage(command: WorkerCommand): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface WorkerClientOptions {
  store: LabStore;
  /** Makes the training worker; called on the first run and after a worker crashed. */
  spawn: () => WorkerPort;
  /** Cells per side of the decision grid the worker sends each generation. */
  gridSize: number;
  /** How often the status line may follow epochs, in ms (loss points are never held back). */
  progressIntervalMs?: number;
  /** Absolute URL of the site's image data folder; by default IMAGE_DATA_PATH under the page's base. */
  dataUrl?: string;
}

/** What the page's buttons do. */
export interface WorkerClient {
  /** Starts a run, or resumes a paused one. */
  run(): void;
  pause(): void;
  /** Runs one generation, starting a run first when none is paused. */
  step(): void;
  /** Cancels the run and clears its results; the config stays. */
  reset(): void;
  /** Goes on with a run stopped by a lost GPU device, from its last finished generation, on a new GPU or the CPU. */
  continueOn(backend: 'webgpu' | 'cpu'): void;
  /** Generation 0's teacher for the runs that start from now on (null: none); see app/teacher/ImportTeacher.tsx. */
  setTeacher(teacher: TeacherFile | null): void;
  dispose(): void;
}

/**
 * The page's side of the worker protocol: sends commands, feeds messages of the current
 * run into the store, drops those of older runs, and turns every failure into an error
 * state in the store rather than an exception.
 */
export function createWorkerClient({ store, spawn, gridSize, progressIntervalMs = 250, dataUrl = defaultDataUrl() }: WorkerClientOptions): WorkerClient {
  let worker: WorkerPort | null = null;
  let nextRunId = 1;
  let teacher: TeacherFile | null = null;
  let pendingProgress: WorkerMessage | null = null;
  let progressTimer: ReturnType<typeof setTimeout> | null = null;

  const flushProgress = () => {
    if (progressTimer !== null) clearTimeout(progressTimer);
    progressTimer = null;
    const message = pendingProgress;
    pendingProgress = null;
    if (message) store.getState().receive(message);
  };

  const onMessage = (message: WorkerMessage) => {
    const state = store.getState();
    if (message.runId !== state.run.runId || state.run.status === 'idle') return;
    if (message.type === 'event' && (message.event.type === 'epoch' || message.event.type === 'progress')) {
      if (message.event.type === 'epoch') state.loss.append(message.event.generation, message.event.loss);
      // A phase's first step shows at once (the bar of the phase before must not stand in for it)...
      if (message.event.type === 'progress' && state.run.phase?.name !== message.event.phase) {
        flushProgress();
        state.receive(message);
        return;
      }
      // ...then the status line and its bar follow epochs (and the oracle's) a few times a second, not hundreds.
      pendingProgress = message;
      if (progressTimer === null) progressTimer = setTimeout(flushProgress, progressIntervalMs);
      return;
    }
    flushProgress();
    state.receive(message);
  };

  const crash = (reason: string) => {
    worker?.terminate();
    worker = null;
    flushProgress();
    store.getState().failRun(reason);
  };

  const ensureWorker = (): WorkerPort | null => {
    if (worker) return worker;
    try {
      const port = spawn();
      port.onmessage = (event) => onMessage(event.data);
      port.onerror = (event) => {
        event.preventDefault?.();
        crash(`The training worker stopped: ${event.message || 'it failed to load'}.`);
      };
      port.onmessageerror = () => crash('The training worker sent a message the page could not read.');
      worker = port;
      return port;
    } catch (error) {
      store.getState().failRun(`This browser could not start the training worker: ${error instanceof Error ? error.message : String(error)}.`);
      return null;
    }
  };

  const post = (command: WorkerCommand) => {
    try {
      worker?.postMessage(command);
    } catch (error) {
      crash(`Could not talk to the training worker: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };

  const start = (stepping: boolean) => {
    const { config } = store.getState();
    const runId = nextRunId++;
    flushProgress();
    store.getState().beginRun(runId, config.gens, config.epochs);
    if (!ensureWorker()) return;
    post({ type: 'start', runId, config, gridSize, stepping, ...(imageRequestFor(config) ? { dataUrl } : {}), ...(teacher ? { teacher } : {}) });
  };

  const unsubscribeConfig = store.subscribe(
    (state) => state.config,
    () => {
      // Results always belong to the config on screen (and in the link): a new config ends the run.
      if (store.getState().run.status !== 'idle') reset();
    },
  );

  function reset() {
    const { status } = store.getState().run;
    if (status === 'running' || status === 'paused') {
      // Terminating stops the training at once, even inside an epoch that never yields to
      // the worker's message loop; the next run starts a fresh worker.
      post({ type: 'cancel' });
      worker?.terminate();
      worker = null;
    }
    pendingProgress = null;
    flushProgress();
    store.getState().resetRun();
  }

  return {
    run() {
      const { status } = store.getState().run;
      if (status === 'running') return;
      if (status === 'paused') {
        post({ type: 'resume' });
        store.getState().markRunning();
        return;
      }
      start(false);
    },
    pause() {
      if (store.getState().run.status === 'running') post({ type: 'pause' });
    },
    step() {
      const { status } = store.getState().run;
      if (status === 'running') return;
      if (status === 'paused') {
        post({ type: 'step' });
        store.getState().markRunning();
        return;
      }
      start(true);
    },
    reset,
    continueOn(backend) {
      const { run } = store.getState();
      if (run.status !== 'error' || !run.resumable || !worker) return;
      store.getState().continueRun();
      post({ type: 'resume-run', runId: run.runId, backend });
    },
    setTeacher(file) {
      teacher = file;
    },
    dispose() {
      unsubscribeConfig();
      if (progressTimer !== null) clearTimeout(progressTimer);
      worker?.terminate();
      worker = null;
    },
  };
}

/** The image data folder under the page's base URL; empty outside a page (tests in Node). */
function defaultDataUrl(): string {
  return typeof document === 'undefined' ? '' : new URL(IMAGE_DATA_PATH, document.baseURI).href;
}
