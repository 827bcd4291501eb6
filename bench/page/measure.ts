// How one row is measured, the same for every engine: model creation to first finished step,
// a calibration that sizes the epoch to about `targetEpochMs`, a warm-up epoch that also counts
// GPU work, then `timedEpochs` timed epochs whose median gives samples/s.
import { createRng } from '../../src/data/rng.ts';
import { median } from '../report/median.ts';
import type { BenchRow } from '../report/types.ts';
import { DATA_SEED, epochOrder, type Workload, type WorkloadData } from '../workloads.ts';
import type { GpuCounters } from './gpuCounters.ts';
import type { Engine, TrainingSession } from './engines/types.ts';

export interface MeasureOptions {
  /** Wall time an epoch should take; engines differ by 1000×, so each gets its own step count. */
  targetEpochMs: number;
  timedEpochs: number;
  /** performance.now() after which the row gives up between epochs. */
  deadline: number;
}

/** Most steps an epoch may have (plain-js on W1 is the fastest: ~25,000 steps/s here). */
const MAX_STEPS = 1 << 16;
/** Fewest steps per epoch: one step of all 16 W1x16 models takes tfjs-webgpu seconds here; a read is ~0.3 ms. */
const MIN_STEPS = 2;

export async function measureRow(engine: Engine, workload: Workload, data: WorkloadData, gpu: GpuCounters | null, options: MeasureOptions): Promise<BenchRow> {
  const rng = createRng(DATA_SEED + 1);
  const { batch } = workload.hyper;
  const counters = engine.usesGpu ? gpu : null;
  counters?.beginRow();
  const created = performance.now();
  const session = await engine.createSession(workload, data);
  try {
    const timeEpoch = async (steps: number): Promise<number> => {
      if (performance.now() > options.deadline) throw new Error(`still running at the row's time limit`);
      const order = epochOrder(rng, data.rows, steps * batch);
      const start = performance.now();
      await session.trainEpoch(order);
      return performance.now() - start;
    };
    await timeEpoch(1);
    const msToFirstStep = performance.now() - created;
    const steps = await calibrate(timeEpoch, options.targetEpochMs);
    const before = counters?.totals();
    await timeEpoch(steps);
    const after = counters?.totals();
    const times: number[] = [];
    for (let epoch = 0; epoch < options.timedEpochs; epoch++) times.push(await timeEpoch(steps));
    return {
      workload: workload.name,
      engine: engine.name,
      samplesPerSecond: (steps * batch * workload.models) / (median(times) / 1000),
      msToFirstStep,
      dispatchesPerStep: before && after ? (after.dispatches - before.dispatches) / steps : null,
      readbacksPerEpoch: before && after ? after.readbacks - before.readbacks : null,
      gpuBytes: counters ? counters.rowPeakBytes() : null,
      stepsPerEpoch: steps,
      error: null,
    };
  } finally {
    await disposeQuietly(session);
  }
}

/**
 * Steps per epoch for about `targetMs`: epochs grow 4× until one takes a quarter of the target,
 * then scale; rescaled (at most twice) while an epoch of that size lands outside half to twice
 * the target, since on a shared machine one slow epoch can mislead the first guess.
 */
async function calibrate(timeEpoch: (steps: number) => Promise<number>, targetMs: number): Promise<number> {
  const scaled = (steps: number, ms: number) => Math.max(MIN_STEPS, Math.min(MAX_STEPS, Math.round((steps * targetMs) / Math.max(ms, 1e-3))));
  let steps = MIN_STEPS;
  let ms = await timeEpoch(steps);
  while (ms < targetMs / 4 && steps < MAX_STEPS) {
    steps = Math.min(MAX_STEPS, steps * 4);
    ms = await timeEpoch(steps);
  }
  for (let retry = 0; retry < 2; retry++) {
    const next = scaled(steps, ms);
    if (next === steps) break;
    steps = next;
    ms = await timeEpoch(steps);
    if (ms > targetMs / 2 && ms < targetMs * 2) break;
  }
  return scaled(steps, ms);
}

/** A failed dispose must not hide the row's own error or stop the next row. */
async function disposeQuietly(session: TrainingSession): Promise<void> {
  try {
    await session.dispose();
  } catch (error) {
    console.error('bench: dispose failed', error);
  }
}

/** A failed row: the reason, every metric null. */
export function failedRow(workload: Workload, engine: Engine, error: unknown): BenchRow {
  const reason = error instanceof Error ? error.message || error.name : String(error);
  return {
    workload: workload.name,
    engine: engine.name,
    samplesPerSecond: null,
    msToFirstStep: null,
    dispatchesPerStep: null,
    readbacksPerEpoch: null,
    gpuBytes: null,
    stepsPerEpoch: null,
    error: reason,
  };
}
