import type { ChosenBackend } from './backendChoice.ts';

/** The GPU device went away mid-run. */
export class DeviceLost extends Error {
  override name = 'DeviceLost';
}

/**
 * Runs `work` and stops it if the backend's GPU device is lost first: the run's signal is
 * aborted and a DeviceLost names the loss, so the run ends with that message instead of
 * hanging on a read that never settles. The worker keeps the last resume point, so the
 * run can go on from its last finished generation on a new device or on the CPU.
 */
export async function runUntilLost<T>(chosen: ChosenBackend, work: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
  const stop = new AbortController();
  let running = true;
  const lost = chosen.lost.then((loss) => {
    if (!running) return;
    stop.abort();
    throw new DeviceLost(`the GPU device was lost (${loss.reason}${loss.message ? `: ${loss.message}` : ''}) on ${chosen.backend.info.adapter}`);
  });
  const done = work(AbortSignal.any([signal, stop.signal]));
  // Whichever loses the race must not become an unhandled rejection.
  done.catch(() => {});
  lost.catch(() => {});
  try {
    // `lost` only ever throws, so the race's value is the work's.
    return (await Promise.race([done, lost])) as T;
  } finally {
    running = false;
  }
}

/** True when `error` means the GPU device was lost: the run can go on elsewhere. */
export const isDeviceLoss = (error: unknown): boolean => error instanceof DeviceLost || (error instanceof Error && error.name === 'GpuDeviceLostError');

/**
 * A message a person can act on, whatever was thrown. `lastGeneration` is the last finished
 * generation a lost run can go on from (-1: none, it starts again).
 */
export function describeFailure(error: unknown, lastGeneration = -1): string {
  if (isDeviceLoss(error) && error instanceof Error) {
    const detail = error instanceof DeviceLost ? `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.` : error.message;
    const next = lastGeneration >= 0 ? `go on from generation ${lastGeneration + 1}` : 'start again';
    return `The run stopped: ${detail} It can ${next} on a new GPU or on the CPU (backend=cpu).`;
  }
  const detail = (error instanceof Error ? error.message : String(error)).trim().replace(/([^.!?])$/, '$1.');
  return `The run stopped with an error: ${detail} Try Reset, or a smaller experiment (fewer points, a smaller model).`;
}
