import { rowRange } from '../model/rows.ts';
import type { DeviceRows, Network, NetworkBatch } from '../model/types.ts';
import type { ProgressPhase } from './events.ts';
import type { RunSession } from './session.ts';

/**
 * Pool rows per step of a labelling pass: a CNN on MNIST labels this many on a CPU in well under
 * a second, so the progress bar moves often, while a GPU still gets chunks big enough to keep it busy.
 * A multiple of the evaluation chunk (PREDICT_CHUNK), though each row's prediction is its own either way.
 */
export const LABEL_STEP = 1024;

/**
 * The teacher's verdicts over the whole pool (Network.classify), read a step at a time with a
 * 'labelling' progress event after each, from 0 to the pool's rows: the same numbers as one call.
 */
export async function classifyPool(session: RunSession, teacher: Network): Promise<{ labels: Int32Array; confidence: Float32Array }> {
  const n = session.poolRows.n;
  const labels = new Int32Array(n);
  const confidence = new Float32Array(n);
  await inSteps(session, 'labelling', session.poolRows.n, async (start, count) => {
    const verdict = await teacher.classify(rowRange(session.poolRows, start, count));
    labels.set(verdict.labels, start);
    confidence.set(verdict.confidence, start);
  });
  return { labels, confidence };
}

/** The teacher's pool × classes probabilities (Network.predict), read a step at a time as classifyPool reads its verdicts. */
export async function predictPool(session: RunSession, teacher: Network): Promise<Float32Array> {
  const classes = session.spec.classes;
  const probabilities = new Float32Array(session.poolRows.n * classes);
  await inSteps(session, 'labelling', session.poolRows.n, async (start, count) => probabilities.set(await teacher.predict(rowRange(session.poolRows, start, count)), start * classes));
  return probabilities;
}

/**
 * Every student's classes over the pool (NetworkBatch.classify), for judging them by their
 * agreement: read a step at a time with a 'judging' progress event after each, as classifyPool.
 */
export async function classifyPoolByAll(session: RunSession, students: NetworkBatch): Promise<Int32Array[]> {
  return (await classifyByAll(session, students, session.poolRows, 'judging')).map((verdict) => verdict.labels);
}

/**
 * Every student's verdicts over the test set, read a step at a time with a 'testing' progress
 * event after each: the same numbers as one NetworkBatch.classify call.
 */
export function classifyTestByAll(session: RunSession, students: NetworkBatch): Promise<{ labels: Int32Array; confidence: Float32Array }[]> {
  return classifyByAll(session, students, session.testRows, 'testing');
}

async function classifyByAll(session: RunSession, students: NetworkBatch, rows: DeviceRows, phase: ProgressPhase): Promise<{ labels: Int32Array; confidence: Float32Array }[]> {
  const verdicts = Array.from({ length: students.models }, () => ({ labels: new Int32Array(rows.n), confidence: new Float32Array(rows.n) }));
  await inSteps(session, phase, rows.n, async (start, count) => {
    const step = await students.classify(rowRange(rows, start, count));
    step.forEach((verdict, k) => {
      verdicts[k].labels.set(verdict.labels, start);
      verdicts[k].confidence.set(verdict.confidence, start);
    });
  });
  return verdicts;
}

async function inSteps(session: RunSession, phase: ProgressPhase, total: number, read: (start: number, count: number) => Promise<void>): Promise<void> {
  session.emit({ type: 'progress', phase, done: 0, total });
  for (let start = 0; start < total; start += LABEL_STEP) {
    const count = Math.min(LABEL_STEP, total - start);
    await read(start, count);
    session.emit({ type: 'progress', phase, done: start + count, total });
  }
}
