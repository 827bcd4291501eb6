// Where the WebAssembly backend starts to beat the JavaScript CPU backend, for `backend=auto`'s
// wasm/cpu crossover (src/host/backendCrossover.ts): training samples/s of both, one thread
// each, over MLPs from the presets' 2-8-8-2 up to 784-wide ones and a CNN, with each model's
// multiply-adds per example (one forward pass) beside it.
//   npx tsx bench/wasmCrossover.ts
// Median CPU time of 5 interleaved epochs after a warm-up. Not a test: ratios vary with the machine.
import { createCpuBackend } from '../src/engine/backends/cpu.ts';
import { createWasmBackend } from '../src/engine/backends/wasm.ts';
import { multiplyAddsPerExample } from '../src/host/backendCrossover.ts';
import { epochTrainer } from './nodeTrainer.ts';
import { epochMedians } from './report/epochMedians.ts';
import { workloadSpec, WORKLOADS, type Workload } from './workloads.ts';

const sgd = (batch: number) => ({ optimizer: 'sgd' as const, lr: 0.03, momentum: 0, l2: 0, batch, inputNoise: 0 });
const mlp = (sizes: number[], batch: number, rows: number): Workload => ({ name: 'W1', sizes, activation: 'relu', hyper: sgd(batch), models: 1, rows });
const w3 = WORKLOADS.find((w) => w.name === 'W3')!;

const CASES: [string, Workload][] = [
  ['2-4-2, batch 1', mlp([2, 4, 2], 1, 4096)],
  ['2-4-2, batch 4', mlp([2, 4, 2], 4, 16384)],
  ['2-8-2, batch 4', mlp([2, 8, 2], 4, 16384)],
  ['2-8-2, batch 16', mlp([2, 8, 2], 16, 16384)],
  ['2-8-8-2, batch 4', mlp([2, 8, 8, 2], 4, 16384)],
  ['2-8-8-2, batch 16', mlp([2, 8, 8, 2], 16, 16384)],
  ['2-16-16-2, batch 16 (W1)', WORKLOADS.find((w) => w.name === 'W1')!],
  ['2-32-32-2, batch 32', mlp([2, 32, 32, 2], 32, 16384)],
  ['2-64-64-2, batch 32', mlp([2, 64, 64, 2], 32, 8192)],
  ['2-128-128-2, batch 64', mlp([2, 128, 128, 2], 64, 4096)],
  ['784-16-10, batch 32', mlp([784, 16, 10], 32, 2048)],
  ['784-128-10, batch 128 (W2)', WORKLOADS.find((w) => w.name === 'W2')!],
  ['CNN 8,16 filters, batch 64 (W3)', w3],
];

console.log('| model | multiply-adds per example | cpu samples/s | wasm samples/s | wasm / cpu |\n|---|---:|---:|---:|---:|');
for (const [label, workload] of CASES) {
  const spec = workloadSpec(workload);
  const [cpuSeconds, wasmSeconds] = await epochMedians(5, [epochTrainer(createCpuBackend(), workload), epochTrainer(createWasmBackend(undefined, { threads: false }), workload)]);
  const [cpuRate, wasmRate] = [workload.rows / cpuSeconds, workload.rows / wasmSeconds];
  const macs = multiplyAddsPerExample(spec);
  console.log(`| ${label} | ${macs.toLocaleString('en-US')} | ${Math.round(cpuRate).toLocaleString('en-US')} | ${Math.round(wasmRate).toLocaleString('en-US')} | ${(wasmRate / cpuRate).toFixed(2)} |`);
}
