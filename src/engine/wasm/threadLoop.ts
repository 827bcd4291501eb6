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
  /** This worker's number, from 1 (the caller is 0): its wake counter is word 8 + worker. */
  worker: number;
}

/**
 * Instantiates the kernels over the shared memory, says it is ready, then forever: waits for its
 * wake counter to move, then claims parts of the job (threads.ts) until none is left, running
 * each (the range [⌊total·part/parts⌋, ⌊total·(part+1)/parts⌋) of the kernel's last two
 * parameters) and counting it done. A claim is a compare-exchange on the job's claim word, made
 * after reading the job, so a thread that wakes late never runs a part with another job's arguments.
 */
export function threadLoop(start: ThreadStart, ready: () => void): void {
  const exports = new WebAssembly.Instance(start.module, { env: { memory: start.memory } }).exports as Record<string, (...args: number[]) => void>;
  const kernels = start.kernels.map((name) => exports[name]);
  const words = new Int32Array(start.control);
  const argv = new Float64Array(start.control, 128, 16);
  const wake = 8 + start.worker;
  let seen = Atomics.load(words, wake);
  ready();
  for (;;) {
    Atomics.wait(words, wake, seen);
    seen = Atomics.load(words, wake);
    for (;;) {
      const claim = Atomics.load(words, 6);
      const part = claim & 255;
      const [kernel, argc, total, parts] = [words[2], words[3], words[4], words[5]];
      if (part >= parts) break;
      const args = Array.from(argv.subarray(0, argc));
      if (Atomics.compareExchange(words, 6, claim, claim + 1) !== claim) continue;
      try {
        kernels[kernel](...args, Math.floor((total * part) / parts), Math.floor((total * (part + 1)) / parts));
      } catch {
        Atomics.store(words, 1, 1);
      }
      Atomics.add(words, 0, 1);
      Atomics.notify(words, 0);
    }
  }
}
