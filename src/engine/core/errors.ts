/** A misuse of the engine (bad size, misaligned view, foreign tensor), with what to fix. */
export class EngineError extends Error {
  override name = 'EngineError';
}
