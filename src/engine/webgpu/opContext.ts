import type { KernelContext } from './context.ts';

/** Work an op held back to merge with a later op into one dispatch; `flush` enqueues it as it stands. */
export interface HeldOp {
  flush(): void;
}

/**
 * What an op's WebGPU method works with: the kernel context, plus the one slot for an op held
 * back. Two merges use it (ops/gather: back-to-back gathers over one index range; ops/matmul
 * and ops/sumRows: a weight-gradient product and the bias gradient's column sums). Any other
 * op, write or read enqueues what is held first, so the order of the contract holds.
 */
export interface GpuOpContext extends KernelContext {
  /**
   * Called first by every op: throws if the device is lost, then enqueues the held op unless
   * `keeps` says this op may merge with it.
   */
  begin(keeps?: (held: HeldOp) => boolean): void;
  /** The op held back now, if any. */
  readonly held: HeldOp | null;
  /** Holds `op` back (what was held must be flushed or merged into it already). */
  hold(op: HeldOp): void;
  /** Forgets the held op without enqueuing it: a later op merged it into its own dispatch. */
  release(): void;
  /** Enqueues the held op, if any. */
  flushHeld(): void;
}

/** The GPU op context over `kernels`; `check` throws once the device is lost. */
export function createGpuOpContext(kernels: KernelContext, check: () => void): GpuOpContext {
  let held: HeldOp | null = null;
  const flushHeld = () => {
    const op = held;
    held = null;
    op?.flush();
  };
  return {
    ...kernels,
    get held() {
      return held;
    },
    begin(keeps) {
      check();
      if (held && !keeps?.(held)) flushHeld();
    },
    hold(op) {
      held = op;
    },
    release() {
      held = null;
    },
    flushHeld,
  };
}
