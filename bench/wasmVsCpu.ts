// Training samples/s of the WebAssembly backend against the CPU backend (the JavaScript
// reference), in Node, one thread each (CPU time); then the WebAssembly backend on its kernel
// threads against one thread (wall time, on a quiet machine only):
//   npx tsx bench/wasmVsCpu.ts [W1 W2 W3 ...]   (default W2 and W3)
// W2 is the 784-128-10 MLP at batch 128 with Adam (issue 16 asks wasm >= jax-js-wasm there,
// ~18,000 samples/s on 2 cores); W3 the small CNN (asks wasm >= 4x the CPU backend). Median
// CPU time of 5 interleaved epochs after a warm-up. Not a test: ratios vary with the machine.
import { createCpuBackend } from '../src/engine/backends/cpu.ts';
import { createWasmBackend, WASM_THREADS_NOTE } from '../src/engine/backends/wasm.ts';
import { epochTrainer } from './nodeTrainer.ts';
import { epochMedians } from './report/epochMedians.ts';
import { WORKLOADS } from './workloads.ts';

const names = process.argv.slice(2);
const chosen = WORKLOADS.filter((w) => w.models === 1 && (names.length ? names.includes(w.name) : ['W2', 'W3'].includes(w.name)));
console.log('| workload | autodidact-cpu samples/s | autodidact-wasm samples/s | wasm / cpu |\n|---|---:|---:|---:|');
for (const workload of chosen) {
  const oneThread = createWasmBackend(undefined, { threads: false });
  const [cpuSeconds, wasmSeconds] = await epochMedians(5, [epochTrainer(createCpuBackend(), workload), epochTrainer(oneThread, workload)]);
  const [cpuRate, wasmRate] = [workload.rows / cpuSeconds, workload.rows / wasmSeconds];
  console.log(`| ${workload.name} | ${Math.round(cpuRate)} | ${Math.round(wasmRate)} | ${(wasmRate / cpuRate).toFixed(2)} |`);
}
console.log(`\n${WASM_THREADS_NOTE}\n| workload | wasm, one thread, samples/s | wasm on its threads, samples/s | threads / one |\n|---|---:|---:|---:|`);
for (const workload of chosen) {
  const engines = [epochTrainer(createWasmBackend(undefined, { threads: false }), workload), epochTrainer(createWasmBackend(), workload)];
  const [oneRate, threadsRate] = (await epochMedians(5, engines, 'wall')).map((seconds) => workload.rows / seconds);
  console.log(`| ${workload.name} | ${Math.round(oneRate)} | ${Math.round(threadsRate)} | ${(threadsRate / oneRate).toFixed(2)} |`);
}
