/**
 * A visitor's `.onnx` classifier as generation 0's teacher (RunOptions.firstTeacher): opened on
 * onnxruntime, its shapes checked against the dataset, then run over the pool in batches.
 */
import type { ExperimentConfig } from '../config/schema.ts';
import { DATASETS, exampleWidth } from '../data/datasets.ts';
import type { PoolLabeler } from '../selftrain/events.ts';
import { TeacherImportError } from './errors.ts';
import type { OrtModule, OrtSessionOptions } from './ortLabeler.ts';
import { formatShape, teacherFit, type TeacherExpectation, type TeacherFit } from './teacherFit.ts';

/** A teacher file as the page hands it over. */
export interface TeacherFile {
  name: string;
  bytes: Uint8Array;
}

/** An opened teacher: its labelling pass, and its session to release when the run no longer needs it. */
export interface ImportedTeacher {
  label: PoolLabeler;
  /** "teacher.onnx: [N, 2] → [N, 2]". */
  summary: string;
  release(): Promise<void>;
}

/** Rows per run of a model whose batch dimension is free: bounds the input tensor (4,096 images are 12.8 MB). */
const CHUNK_ROWS = 4096;
/** Longest piece of onnxruntime's own message quoted to the visitor. */
const REASON_LENGTH = 160;

/** What a teacher of `config`'s experiment takes and gives: points [N, 2]; images [N, 1, 28, 28] (or [N, 784]). */
export function teacherExpectation(config: ExperimentConfig): TeacherExpectation {
  // An image model may also take each image flattened.
  const shape = [...DATASETS[config.data].exampleShape];
  const examples = shape.length > 1 ? [shape, [exampleWidth(config.data)]] : [shape];
  return { dataset: config.data, classes: config.classes, examples };
}

/**
 * Opens `file` on `ort` and checks it against `expected`. Rejects with a TeacherImportError
 * that names the file and says what is wrong: not a model onnxruntime reads, or shapes that
 * do not fit.
 */
export async function openTeacher(ort: OrtModule, options: OrtSessionOptions, file: TeacherFile, expected: TeacherExpectation): Promise<ImportedTeacher> {
  let session: Awaited<ReturnType<OrtModule['InferenceSession']['create']>>;
  try {
    session = await ort.InferenceSession.create(file.bytes, options);
  } catch (error) {
    throw new TeacherImportError(
      `${file.name} is not an ONNX model onnxruntime-web can read (${reasonOf(error)}). A teacher is a .onnx classifier, such as a model from this page's Downloads.`,
    );
  }
  let fit: TeacherFit;
  try {
    fit = teacherFit(session.inputMetadata, session.outputMetadata, expected);
  } catch (error) {
    await session.release();
    throw error instanceof TeacherImportError ? new TeacherImportError(`${file.name} cannot teach ${expected.dataset}: ${error.message}.`) : error;
  }
  return {
    label: async (pool) => {
      const rows = fit.batch ?? Math.min(pool.n, CHUNK_ROWS);
      const output = new Float32Array(pool.n * expected.classes);
      for (let start = 0; start < pool.n; start += rows) {
        // A fixed batch size takes a full batch: the last one is padded with zeros, its extra rows dropped.
        const input = new Float32Array(rows * pool.dim);
        const count = Math.min(rows, pool.n - start);
        input.set(pool.x.subarray(start * pool.dim, (start + count) * pool.dim));
        const feeds = { [fit.input]: new ort.Tensor('float32', input, [rows, ...fit.example]) };
        const data = (await (await session.run(feeds))[fit.output].getData()) as Float32Array;
        if (data.length !== rows * expected.classes) {
          throw new TeacherImportError(`${file.name} gave ${data.length} values for ${rows} examples × ${expected.classes} classes.`);
        }
        output.set(data.subarray(0, count * expected.classes), start * expected.classes);
      }
      return asProbabilities(output, expected.classes);
    },
    summary: `${file.name}: ${formatShape(['N', ...fit.example])} → [N, ${expected.classes}]`,
    release: () => session.release(),
  };
}

/**
 * Rows of class probabilities: `values` as they are where every row already is one (no
 * negatives, sums within 1e-3 of 1), else the softmax of each row (a model that gives logits).
 */
export function asProbabilities(values: Float32Array, classes: number): Float32Array {
  const rows = values.length / classes;
  let probabilities = true;
  for (let row = 0; row < rows && probabilities; row++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const value = values[row * classes + c];
      if (!(value >= 0)) probabilities = false;
      sum += value;
    }
    if (Math.abs(sum - 1) > 1e-3) probabilities = false;
  }
  if (probabilities) return values;
  const softmax = new Float32Array(values.length);
  for (let row = 0; row < rows; row++) {
    const logits = values.subarray(row * classes, (row + 1) * classes);
    const max = Math.max(...logits);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += softmax[row * classes + c] = Math.exp(logits[c] - max);
    for (let c = 0; c < classes; c++) softmax[row * classes + c] /= sum;
  }
  return softmax;
}

/** onnxruntime's own words, without its boilerplate ("Can't create a session. ERROR_CODE: 7, ERROR_MESSAGE: ") or a final full stop. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = message.replace(/^Can't create a session\.\s*(ERROR_CODE: \d+, ERROR_MESSAGE:\s*)?/, '').replace(/\.$/, '') || message;
  return text.length > REASON_LENGTH ? `${text.slice(0, REASON_LENGTH)}…` : text;
}
