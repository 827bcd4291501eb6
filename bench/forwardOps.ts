// Where a labelling pass's time goes, op by op: one frozen model predicts the 10,000-example
// pool of bench/page/labelling.ts on the WebAssembly and CPU backends, in Node, every backend
// call timed (the ops of these backends run synchronously, so a call's time is its op's):
//   npx tsx bench/forwardOps.ts [W2 W3 ...]   (default W2 and W3)
// conv2d and maxPool calls are told apart by their layer's shape. Not a test: times vary with the machine.
import type { Backend } from '../src/engine/backend.ts';
import { createCpuBackend } from '../src/engine/backends/cpu.ts';
import { createWasmBackend } from '../src/engine/backends/wasm.ts';
import { createNetwork } from '../src/model/network.ts';
import { uploadRows } from '../src/model/rows.ts';
import { POOL_EXAMPLES, poolRows } from './page/pool.ts';
import { MODEL_SEED, WORKLOADS, workloadSpec } from './workloads.ts';

/** The backend with every method call timed into `ms`, by op name and, for layer ops, shape. */
function timed(backend: Backend, ms: Map<string, number>): Backend {
  return new Proxy(backend, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const out: unknown = value.apply(target, args);
        const shape = args.find((arg) => typeof arg === 'object' && arg !== null && 'height' in arg);
        const name = shape ? `${String(key)} ${JSON.stringify(shape)}` : String(key);
        ms.set(name, (ms.get(name) ?? 0) + performance.now() - started);
        return out;
      };
    },
  });
}

const names = process.argv.slice(2);
for (const workload of WORKLOADS.filter((w) => w.models === 1 && (names.length ? names.includes(w.name) : ['W2', 'W3'].includes(w.name)))) {
  const spec = workloadSpec(workload);
  const pool = poolRows(spec.inputDim);
  for (const [label, create] of [['wasm', createWasmBackend], ['cpu', createCpuBackend]] as const) {
    const ms = new Map<string, number>();
    const backend = timed(create(), ms);
    const network = createNetwork(backend, spec, MODEL_SEED);
    const rows = uploadRows(backend, pool, POOL_EXAMPLES, spec.inputDim);
    await network.predict(rows);
    ms.clear();
    const started = performance.now();
    await network.predict(rows);
    const total = performance.now() - started;
    console.log(`${workload.name} on ${label}: ${Math.round(POOL_EXAMPLES / (total / 1000))} examples/s`);
    for (const [op, opMs] of [...ms].sort((a, b) => b[1] - a[1])) console.log(`  ${op}: ${opMs.toFixed(0)} ms (${Math.round((100 * opMs) / total)}%)`);
    backend.dispose();
  }
}
