import type { ExperimentConfig } from '../config/schema.ts';
import { ImageDataError } from '../data/images/load.ts';
import { TeacherImportError } from '../onnx/errors.ts';
import { DivergedError } from '../selftrain/errors.ts';
import { describeFailure } from './deviceLoss.ts';

/**
 * What a person reads when a run fails: the image data, a teacher file, a loss that diverged
 * (its message says where and what to try), or the engine (describeFailure: a lost device says
 * where the run can go on from). `from` is the last
 * finished generation (-1: none).
 */
export function runFailureMessage(error: unknown, config: ExperimentConfig, from: number): string {
  if (error instanceof ImageDataError) {
    return `Could not load the ${config.data} images: ${error.message}. Nothing ran; the page still works: reload to try again, or pick another dataset.`;
  }
  if (error instanceof DivergedError) return error.message;
  if (error instanceof TeacherImportError) return `${error.message} The run stopped; your settings are kept: remove the teacher or pick another file.`;
  return describeFailure(error, from);
}
