// Samples/s of the CPU backend against straight Float32Array loops of the same maths, in Node:
//   npx tsx bench/cpuBackend.ts
// W1 and W2 of bench/workloads.ts. The browser benchmark with every engine is `npm run bench`.
// Median CPU time of 7 interleaved epochs after a warm-up. Not a test: ratios vary with the machine.
import { createRng } from '../src/data/rng.ts';
import { createCpuBackend } from '../src/engine/backends/cpu.ts';
import { createNetwork } from '../src/model/network.ts';
import { uploadRows } from '../src/model/rows.ts';
import { createPlainMlp } from './plainMlp.ts';
import { epochMedians } from './report/epochMedians.ts';
import { DATA_SEED, MODEL_SEED, WORKLOADS, makeData, type Workload } from './workloads.ts';

async function measure(workload: Workload) {
  const { x, labels, targets, weights, dim, classes } = makeData(workload);
  const rng = createRng(DATA_SEED);
  const order = Int32Array.from({ length: workload.rows }, (_, i) => i);
  const plain = createPlainMlp(workload.sizes, workload.activation, MODEL_SEED);

  const backend = createCpuBackend();
  const spec = { kind: 'mlp' as const, inputDim: dim, classes, hidden: workload.sizes.slice(1, -1), activation: workload.activation, dropout: 0 };
  const network = createNetwork(backend, spec, MODEL_SEED);
  network.setTrainingSet(uploadRows(backend, x, workload.rows, dim), targets, weights);
  let epoch = 0;
  const [plainSeconds, engineSeconds] = await epochMedians(7, [
    async () => plain.trainEpoch(x, labels, rng.shuffle(order), workload.hyper),
    () => network.trainEpoch(rng.shuffle(order), workload.hyper, epoch++),
  ]);
  const plainRate = workload.rows / plainSeconds;
  const engineRate = workload.rows / engineSeconds;
  console.log(`| ${workload.name} | ${Math.round(plainRate)} | ${Math.round(engineRate)} | ${(engineRate / plainRate).toFixed(2)} |`);
}

console.log('| workload | plain-js samples/s | autodidact-cpu samples/s | ratio |\n|---|---:|---:|---:|');
for (const workload of WORKLOADS) if (workload.models === 1 && !workload.cnn) await measure(workload);
