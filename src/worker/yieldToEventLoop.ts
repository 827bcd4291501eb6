/**
 * Returns a function that, at most every `intervalMs`, waits one macrotask so queued messages
 * are delivered. A MessageChannel post is used because nested setTimeout(0) is clamped to 4 ms,
 * which would cost more than a small model's whole epoch.
 */
export function createEventLoopYield(intervalMs = 8, now: () => number = () => performance.now()): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  let last = now();
  return () => {
    if (now() - last < intervalMs) return Promise.resolve();
    return new Promise<void>((resolve) => {
      waiting.push(() => {
        last = now();
        resolve();
      });
      channel.port2.postMessage(null);
    });
  };
}
