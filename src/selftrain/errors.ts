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
