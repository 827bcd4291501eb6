/** The run was cancelled through its AbortSignal. Named like the DOM's AbortError so hosts can treat both alike. */
export class RunAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The run was cancelled.');
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunAbortedError();
}

/**
 * Every model still training at some step diverged (src/selftrain/divergence.ts): a run's only
 * student, all of a generation's students, or the oracle. The run stops there; what finished
 * before stays with the host, which has had every earlier generation's event. The message says
 * where it happened, what to try, and what is kept.
 */
export class DivergedError extends Error {
  override readonly name = 'DivergedError';
  constructor(
    /** The generation that diverged; null for the oracle (it trains after generation 0). */
    readonly generation: number | null,
    /** The students it trained (1 for the oracle). */
    students: number,
    /** The epoch (from 1) whose loss diverged. */
    readonly epoch: number,
    /** What went wrong, as divergenceReason says it ("the loss became non-finite"). */
    readonly reason: string,
    /** The fix to try, as divergenceFix says it. */
    fix: string,
  ) {
    const stage = generation === null ? "the oracle's training" : `generation ${generation}${students > 1 ? ` (all ${students} students)` : ''}`;
    // The oracle trains after generation 0.
    const last = generation === null ? 0 : generation - 1;
    const kept = last < 0 ? 'no generation had finished' : last === 0 ? 'generation 0 stays' : `generations 0–${last} stay`;
    super(`${reason.charAt(0).toUpperCase()}${reason.slice(1)} in ${stage}, epoch ${epoch}: ${fix}. The run stopped there; ${kept}.`);
  }
}
