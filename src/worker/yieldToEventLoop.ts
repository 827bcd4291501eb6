/**
 * Returns a function that, at most every `intervalMs`, waits one macrotask so queued messages
 * are delivered. In a browser worker a MessageChannel post is used, because nested
 * setTimeout(0) is clamped to 4 ms, which would cost more than a small model's whole epoch.
 * Where `setImmediate` exists (Node) it is used instead: Node drains up to a thousand
 * MessagePort messages in one turn of its loop, so a MessageChannel yield there can starve
 * timers and I/O for the whole run, while setImmediate gives every phase a turn.
 */
export function createEventLoopYield(intervalMs = 8, now: () => number = () => performance.now()): () => Promise<void> {
  const macrotask = macrotaskScheduler();
  let last = now();
  return () => {
    if (now() - last < intervalMs) return Promise.resolve();
    return new Promise<void>((resolve) =>
      macrotask(() => {
        last = now();
        resolve();
      }),
    );
  };
}

function macrotaskScheduler(): (callback: () => void) => void {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') return (callback) => void immediate(callback);
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (callback) => {
    waiting.push(callback);
    channel.port2.postMessage(null);
  };
}
