import type { ExperimentConfig } from '../config/schema.ts';
import type { TeacherFile } from '../onnx/importTeacher.ts';
import type { ExperimentEvent, GenerationModel } from '../selftrain/events.ts';
import type { LabelerStatus } from '../host/labelerChoice.ts';

export type { LabelerStatus };

/** Page -> worker. */
export type WorkerCommand =
  /** Starts run `runId` (cancelling any other). With `stepping`, it pauses after its first generation. */
  | {
      type: 'start';
      runId: number;
      config: ExperimentConfig;
      gridSize: number;
      stepping: boolean;
      /** Absolute URL of the site's image data folder, for image experiments (see src/data/images/httpSource.ts). */
      dataUrl?: string;
      /** A visitor's .onnx classifier, generation 0's teacher (src/onnx/importTeacher.ts). */
      teacher?: TeacherFile;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Runs one more generation, then pauses. */
  | { type: 'step' }
  | { type: 'cancel' }
  /** Goes on with run `runId`, stopped by a lost GPU device, from its last finished generation, on `backend`. */
  | { type: 'resume-run'; runId: number; backend: 'webgpu' | 'cpu' };

/** Worker -> page. Every message names its run so the page can drop a stale one. */
export type WorkerMessage =
  | { type: 'event'; runId: number; event: ExperimentEvent }
  /** A finished generation's trained model (for the page's downloads), posted just before its 'generation' event. */
  | { type: 'model'; runId: number; model: GenerationModel }
  /** Who labels the pool this run; posted before the run trains. */
  | { type: 'labeler'; runId: number; labeler: LabelerStatus }
  | { type: 'paused'; runId: number }
  | { type: 'resumed'; runId: number }
  | { type: 'cancelled'; runId: number }
  /** Image data loading: bytes received of the bytes needed (compressed). */
  | { type: 'data'; runId: number; received: number; total: number }
  /** `resumable`: the GPU device was lost, and a 'resume-run' command can go on with the run. */
  | { type: 'error'; runId: number; message: string; resumable?: boolean };
