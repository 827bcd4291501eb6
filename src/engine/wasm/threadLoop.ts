/**
 * The body of a kernel thread, in the page (threadWorker.ts) and in Node (threads.ts hands
 * its source to worker_threads as a script). It must stay self-contained, with no imports and
 * no names from outside its body, since Node runs its source text alone.
 */

/** What a thread is started with: the shared kernels module and memory, the control block, its number. */
export interface ThreadStart {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** The control block (see threads.ts for its layout). */
  control: SharedArrayBuffer;
  /** The kernels a job names, by index. */
  kernels: readonly string[];
  /** This thread's share of each job: 1 for the first worker (the caller takes 0). */
  part: number;
}

/**
 * Instantiates the kernels over the shared memory, says it is ready, then forever: waits for its
 * job counter to move, runs its part of the job (the range [⌊total·part/parts⌋,
 * ⌊total·(part+1)/parts⌋) of the kernel's last two parameters), counts itself done.
 */
export function threadLoop(start: ThreadStart, ready: () => void): void {
  const exports = new WebAssembly.Instance(start.module, { env: { memory: start.memory } }).exports as Record<string, (...args: number[]) => void>;
  const kernels = start.kernels.map((name) => exports[name]);
  const words = new Int32Array(start.control);
  const args = new Float64Array(start.control, 128, 16);
  const counter = 8 + start.part;
  let seen = Atomics.load(words, counter);
  ready();
  for (;;) {
    Atomics.wait(words, counter, seen);
    seen = Atomics.load(words, counter);
    const total = words[4];
    const parts = words[5];
    try {
      kernels[words[2]](...args.subarray(0, words[3]), Math.floor((total * start.part) / parts), Math.floor((total * (start.part + 1)) / parts));
    } catch {
      Atomics.store(words, 1, 1);
    }
    Atomics.add(words, 0, 1);
  }
}
