/**
 * The one host layer under the page's worker and the command-line runner. For each run it
 * loads the images, chooses the labeler, opens a visitor's teacher, chooses the backend and
 * runs `runExperiment` on it until it ends or its GPU device is lost. The transports add only
 * what is theirs: the worker its protocol and pause/step state, the CLI its flags and output.
 * So a link gives the same numbers in the page and on the command line.
 */
import type { BackendChoice, ExperimentConfig, LabelerName } from '../config/schema.ts';
import type { ByteSource } from '../data/images/load.ts';
import { TeacherImportError } from '../onnx/errors.ts';
import { openTeacher, teacherExpectation, type ImportedTeacher, type TeacherFile } from '../onnx/importTeacher.ts';
import { throwIfAborted } from '../selftrain/errors.ts';
import type { ExperimentResult, RunOptions } from '../selftrain/events.ts';
import { runExperiment } from '../selftrain/runExperiment.ts';
import { createBackend, type ChosenBackend } from './backendChoice.ts';
import { aboveCrossover, experimentSize } from './backendCrossover.ts';
import { runUntilLost } from './deviceLoss.ts';
import { createImageLoader, type ImageProgress } from './imageLoader.ts';
import { createLabelerChoice, NO_ORT, onceUntilFailed, type LabelerPick, type LabelerStatus, type OrtLoader } from './labelerChoice.ts';

/** What a host environment provides: where image bytes come from, onnxruntime, and WebGPU. */
export interface HostEnvironment {
  /** The image files under `dataUrl` (the site's, over HTTP) or on disk. */
  imageSource: (dataUrl: string) => ByteSource;
  /** onnxruntime-web, loaded on the first run that needs it; without it labeler=onnx falls back to the engine. */
  loadOrt?: OrtLoader;
  /**
   * The WebGPU entry point, asked for only when a run may use the GPU (backend=webgpu, or auto
   * above the crossover): Dawn in Node. Left out: navigator.gpu.
   */
  gpu?: () => Promise<GPU | null>;
}

/** One run: the experiment, and the callbacks through which the transport follows it. */
export interface HostRun extends Omit<RunOptions, 'images' | 'labeler' | 'firstTeacher'> {
  config: ExperimentConfig;
  /** The backend to ask for; config.backend when left out (a run resumed after a lost GPU asks for another). */
  backend?: BackendChoice;
  /** Who labels; config.labeler when left out (the CLI's --labeler). */
  labeler?: LabelerName;
  /** Where the site serves its image data (the page); '' elsewhere. */
  dataUrl?: string;
  /** A visitor's .onnx classifier as generation 0's teacher. */
  teacher?: TeacherFile | null;
  onImages?: ImageProgress;
  /** Who labels this run, once chosen, before anything trains. */
  onLabeler?: (status: LabelerStatus, runtime: LabelerPick['runtime']) => void;
  /** The backend, once chosen, before anything trains; may throw to refuse it (the CLI's backend=webgpu without an adapter). */
  onBackend?: (chosen: ChosenBackend) => void;
}

export interface ExperimentHost {
  /** Runs one experiment; rejects with the run's error (runFailureMessage says it for a person). */
  run(request: HostRun): Promise<ExperimentResult>;
  /** onnxruntime-web, loaded on first use and kept for every later run of this host. */
  readonly loadOrt: OrtLoader;
}

/** The signal of a run nobody cancels (the CLI's). */
const NEVER_ABORTED = new AbortController().signal;

export function createExperimentHost(environment: HostEnvironment): ExperimentHost {
  const loadOrt = onceUntilFailed(environment.loadOrt ?? NO_ORT);
  const pickLabeler = createLabelerChoice(loadOrt);
  const imagesFor = createImageLoader(environment.imageSource);

  /** The visitor's teacher opened on onnxruntime-web and checked against `config`'s dataset. */
  async function openImported(teacher: TeacherFile, config: ExperimentConfig): Promise<ImportedTeacher> {
    const runtime = await loadOrt().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TeacherImportError(`onnxruntime-web could not load here (${reason}), and reading ${teacher.name} needs it.`);
    });
    return openTeacher(runtime.ort, runtime.options, teacher, teacherExpectation(config));
  }

  async function chooseBackend(config: ExperimentConfig, choice: BackendChoice): Promise<ChosenBackend> {
    const size = experimentSize(config);
    const mayUseGpu = choice === 'webgpu' || (choice === 'auto' && aboveCrossover(size));
    const gpu = mayUseGpu && environment.gpu ? await environment.gpu() : undefined;
    return createBackend(choice, { size, gpu });
  }

  async function run(request: HostRun): Promise<ExperimentResult> {
    const { config, signal } = request;
    const images = await imagesFor(config, request.dataUrl ?? '', request.onImages);
    throwIfAborted(signal);
    const { labeler, status, runtime } = await pickLabeler({ ...config, labeler: request.labeler ?? config.labeler });
    throwIfAborted(signal);
    // Once generation 0 has finished, its teacher has done its part.
    const imported = request.teacher && !request.resume ? await openImported(request.teacher, config) : null;
    try {
      throwIfAborted(signal);
      request.onLabeler?.(imported ? { ...status, teacher: imported.summary } : status, runtime);
      const chosen = await chooseBackend(config, request.backend ?? config.backend);
      try {
        request.onBackend?.(chosen);
        throwIfAborted(signal);
        const { onEvent, checkpoint, gridSize, onResumePoint, onModel, resume } = request;
        const options: RunOptions = { onEvent, checkpoint, gridSize, onResumePoint, onModel, resume, images, labeler, firstTeacher: imported?.label };
        return await runUntilLost(chosen, (runSignal) => runExperiment(config, chosen.backend, { ...options, signal: runSignal }), signal ?? NEVER_ABORTED);
      } finally {
        chosen.dispose();
      }
    } finally {
      await imported?.release();
    }
  }

  return { run, loadOrt };
}
