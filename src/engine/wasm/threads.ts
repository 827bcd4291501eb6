/**
 * The kernel threads: one pool for the whole page (or process), started when the WebAssembly
 * backend's module loads. Where the page is cross-origin isolated (always so in Node), has
 * SharedArrayBuffer and more than one core, it starts a worker per extra core (up to
 * MAX_THREADS in all), each with an instance of kernels.shared.wasm over one shared memory.
 * A large kernel call is then cut into parts by ranges of its output (rows, images, channels),
 * which the caller and the workers claim one at a time; each output is computed whole, by one
 * thread, in the same order whoever claims it, so the numbers never depend on how many
 * threads there are or which ran what. A worker the system is slow to schedule simply claims
 * less (the caller takes what is left).
 *
 * The caller may be a page's main thread, which must not block: it posts a job in the control
 * block, wakes the workers (Atomics.notify), claims parts itself, then waits for the done count
 * (spinning where Atomics.wait is not allowed). Workers block in Atomics.wait between jobs. The
 * control block, Int32 words: [0] parts done, [1] a part failed, [2] kernel index, [3] argument
 * count, [4] range total, [5] parts, [6] the claim word (job number · 256 + next part),
 * [8 + w] worker w's wake counter; the arguments are float64s from byte 128.
 */
import { EngineError } from '../core/errors.ts';
import type { WasmKernels } from './kernels.ts';
import { createWasmMemory, type WasmMemory } from './memory.ts';
import { threadLoop, type ThreadStart } from './threadLoop.ts';

/** Threads in all, the caller's included. */
const MAX_THREADS = 8;
/**
 * A call is cut only so far that each part has at least this many multiply-adds (about 10 µs
 * of one thread's SIMD): a split costs the caller 4 to 12 µs (waking a worker, waiting for its
 * last part), measured on the 2-core VM, so a call splits from 262,144 (docs/backends.md).
 */
export const MIN_WORK_PER_PART = 131072;
/** Parts per thread at most: a few, so a thread that runs late leaves less for the others to wait on. */
const PARTS_PER_THREAD = 4;
/** Workers not ready by then (a blocked worker script, say) leave the kernels on one thread. */
const START_TIMEOUT_MS = 20_000;

/** The kernels that take a range [start, end) of their output as their last two parameters. */
export const RANGED_KERNELS = ['matmulNN', 'matmulNT', 'matmulTN', 'denseLinear', 'conv2dLinear', 'conv2dInputGrad', 'conv2dWeightGrad'] as const;
export type RangedKernel = (typeof RANGED_KERNELS)[number];
/** A ranged kernel's parameters without the range. */
export type RangedArgs<K extends RangedKernel> = Parameters<WasmKernels[K]> extends [...infer Head, number, number] ? Head : never;

/** Started threads over one shared memory. */
export interface ThreadPool {
  /** Threads in all, the caller's included. */
  readonly threads: number;
  /** kernels.shared.wasm, which the caller instantiates too. */
  readonly module: WebAssembly.Module;
  /** The shared memory every backend on these threads allocates in. */
  readonly memory: WasmMemory;
  /** Runs kernel `name` over [0, total) in `parts` parts, on the workers and on `own` (the caller's instance of it). */
  run(own: (...args: number[]) => void, name: RangedKernel, args: readonly number[], total: number, parts: number): void;
}

/** The pool, or why the kernels run on one thread. */
export type Threads = { pool: ThreadPool; why: string } | { pool: null; why: string };

/** How many threads the kernels may use here, or why only one. */
function plan(): { count: number; why: string } {
  const os = globalThis.process?.getBuiltinModule?.('node:os');
  if (!os && !globalThis.crossOriginIsolated) return { count: 1, why: 'the page is not cross-origin isolated' };
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return { count: 1, why: 'this runtime has no SharedArrayBuffer' };
  const cores = os ? os.availableParallelism() : (navigator.hardwareConcurrency ?? 1);
  if (cores < 2) return { count: 1, why: 'this machine shows one core' };
  return { count: Math.min(cores, MAX_THREADS), why: os ? `${cores} cores` : `cross-origin isolated, ${cores} cores` };
}

/**
 * Starts the pool where threads are possible; `compileShared` compiles kernels.shared.wasm.
 * Never rejects: whatever stops the threads (no shared memory, a worker that does not start)
 * leaves the kernels on one thread, with the reason.
 */
export async function startThreads(compileShared: () => Promise<WebAssembly.Module>): Promise<Threads> {
  const { count, why } = plan();
  if (count < 2) return { pool: null, why };
  const workers: { terminate(): unknown }[] = [];
  try {
    const module = await compileShared();
    const memory = createWasmMemory(16, true);
    const control = new SharedArrayBuffer(256);
    await Promise.all(
      Array.from({ length: count - 1 }, (_, i) => {
        const { worker, ready } = spawn({ module, memory: memory.memory, control, kernels: RANGED_KERNELS, worker: i + 1 });
        workers.push(worker);
        return ready;
      }),
    );
    return { pool: createPool(count, module, memory, control), why };
  } catch (error) {
    workers.forEach((worker) => worker.terminate());
    return { pool: null, why: `the threads did not start (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** A claim word's part while a job's fields are written: above any part count, so no thread claims. */
const CLOSED = 255;

function createPool(threads: number, module: WebAssembly.Module, memory: WasmMemory, control: SharedArrayBuffer): ThreadPool {
  const words = new Int32Array(control);
  const argv = new Float64Array(control, 128, 16);
  /** Atomics.wait blocks everywhere but a page's main thread. */
  const canBlock = typeof (globalThis as { window?: unknown }).window === 'undefined';
  let job = 0;
  return {
    threads,
    module,
    memory,
    run(own, name, args, total, parts) {
      job = (job + 1) & 0x7fffff;
      // Close the claim word before the job's fields change: a worker that read the last job's
      // claim, then this job's part count, must not win that stale claim with a compare-exchange.
      Atomics.store(words, 6, job * 256 + CLOSED);
      Atomics.store(words, 0, 0);
      Atomics.store(words, 1, 0);
      words[2] = RANGED_KERNELS.indexOf(name);
      words[3] = args.length;
      words[4] = total;
      words[5] = parts;
      argv.set(args);
      Atomics.store(words, 6, job * 256);
      for (let w = 1; w < Math.min(threads, parts); w++) {
        Atomics.add(words, 8 + w, 1);
        Atomics.notify(words, 8 + w, 1);
      }
      let failure: unknown = null;
      for (let part = Atomics.add(words, 6, 1) & 255; part < parts; part = Atomics.add(words, 6, 1) & 255) {
        try {
          own(...args, Math.floor((total * part) / parts), Math.floor((total * (part + 1)) / parts));
        } catch (error) {
          failure = error;
        }
        Atomics.add(words, 0, 1);
      }
      for (let spins = 0, done = Atomics.load(words, 0); done < parts; spins++, done = Atomics.load(words, 0)) {
        // The caller may be a page's main thread, where Atomics.wait is not allowed: it spins there.
        if (canBlock && spins > 1000) Atomics.wait(words, 0, done, 1);
      }
      if (failure) throw failure;
      if (Atomics.load(words, 1)) throw new EngineError(`WebAssembly kernel ${name} failed on a worker thread.`);
    },
  };
}

/** A worker running threadLoop: a module worker in the page, a worker_threads script in Node (unref'd, so it never keeps Node alive). */
function spawn(start: ThreadStart): { worker: { terminate(): unknown }; ready: Promise<void> } {
  const threads = globalThis.process?.getBuiltinModule?.('node:worker_threads');
  if (threads) {
    const source = `const { parentPort, workerData } = require('node:worker_threads');\n(${threadLoop.toString()})(workerData, () => parentPort.postMessage('ready'));`;
    const worker = new threads.Worker(source, { eval: true, workerData: start, name: 'autodidact-wasm-thread' });
    worker.unref();
    return { worker, ready: answered((resolve, reject) => worker.once('message', resolve).once('error', reject)) };
  }
  const worker = new Worker(new URL('./threadWorker.ts', import.meta.url), { type: 'module', name: 'autodidact-wasm-thread' });
  worker.postMessage(start);
  const ready = answered((resolve, reject) => {
    worker.onmessage = resolve;
    worker.onerror = (event) => reject(new Error(event.message || 'the worker script did not load'));
  });
  return { worker, ready };
}

/** Settles when `listen`'s worker says it is ready or fails, or rejects after START_TIMEOUT_MS. */
function answered(listen: (resolve: () => void, reject: (error: Error) => void) => void): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  return Promise.race([new Promise<void>(listen), timeout]).finally(() => clearTimeout(timer));
}

/** The ranged-kernel runner an op calls: the whole range on this thread, or split over the pool when the work is large enough. */
export function rangedRunner(kernels: WasmKernels, pool: ThreadPool | null) {
  return <K extends RangedKernel>(name: K, args: RangedArgs<K>, total: number, work: number): void => {
    const own = kernels[name] as (...args: number[]) => void;
    const parts = pool ? Math.min(PARTS_PER_THREAD * pool.threads, total, Math.floor(work / MIN_WORK_PER_PART)) : 1;
    if (pool && parts > 1) pool.run(own, name, args as number[], total, parts);
    else own(...(args as number[]), 0, total);
  };
}
