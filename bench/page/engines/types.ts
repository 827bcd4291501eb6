import type { EngineName } from '../../report/types.ts';
import type { Workload, WorkloadData } from '../../workloads.ts';

/** A workload's models built on one engine, ready to train. */
export interface TrainingSession {
  /**
   * Trains every model one epoch over `order` (row indices, batches of hyper.batch) and resolves
   * once the work has finished: its one read of the loss has returned.
   */
  trainEpoch(order: Int32Array<ArrayBuffer>): Promise<void>;
  /** Frees the models, the data on the device and, for GPU engines, the device. */
  dispose(): Promise<void>;
}

/** One competitor of the benchmark. */
export interface Engine {
  readonly name: EngineName;
  /** Whether GPU counters (dispatches, readbacks, buffer bytes) apply to it. */
  readonly usesGpu: boolean;
  /** The workloads it runs (plain-js has no model dimension, so no W1x16). */
  runs(workload: Workload): boolean;
  /** Builds fresh models and puts the data where the engine trains; counted in msToFirstStep. */
  createSession(workload: Workload, data: WorkloadData): Promise<TrainingSession>;
}
