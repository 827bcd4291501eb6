// Samples/s of the CPU backend against straight Float32Array loops of the same maths, in Node:
//   npx tsx bench/cpuBackend.ts
// W1: MLP 2-16-16-2 tanh, batch 16, SGD. W2: MLP 784-128-10 relu, batch 128, Adam.
// Median CPU time of 7 interleaved epochs after a warm-up. Not a test: ratios vary with the machine.
import { createRng } from '../src/data/rng.ts';
import { createCpuBackend } from '../src/engine/cpu/backend.ts';
import { createNetwork } from '../src/model/network.ts';
import { uploadRows } from '../src/model/rows.ts';
import type { TrainHyper } from '../src/model/types.ts';
import { createPlainMlp } from './plainMlp.ts';

interface Workload {
  name: string;
  sizes: number[];
  activation: 'tanh' | 'relu';
  hyper: TrainHyper;
  rows: number;
}

const WORKLOADS: Workload[] = [
  { name: 'W1', sizes: [2, 16, 16, 2], activation: 'tanh', rows: 32768, hyper: hyper('sgd', 16, 0.05) },
  { name: 'W2', sizes: [784, 128, 10], activation: 'relu', rows: 2048, hyper: hyper('adam', 128, 0.001) },
];

function hyper(optimizer: 'sgd' | 'adam', batch: number, lr: number): TrainHyper {
  return { optimizer, lr, momentum: 0, l2: 0, batch, inputNoise: 0 };
}

function makeData(workload: Workload) {
  const rng = createRng(7);
  const dim = workload.sizes[0];
  const classes = workload.sizes[workload.sizes.length - 1];
  const x = Float32Array.from({ length: workload.rows * dim }, () => rng.next());
  const labels = Int32Array.from({ length: workload.rows }, () => rng.int(classes));
  const targets = new Float32Array(workload.rows * classes);
  labels.forEach((label, row) => (targets[row * classes + label] = 1));
  return { x, labels, targets, dim, classes, rng };
}

/**
 * Median epoch CPU seconds (user + system, this process) of each engine, epochs interleaved:
 * on a shared machine CPU time tracks the work better than wall time.
 */
async function medians(epochs: number, engines: (() => Promise<unknown>)[]): Promise<number[]> {
  for (const runEpoch of engines) await runEpoch();
  const seconds = engines.map(() => [] as number[]);
  for (let e = 0; e < epochs; e++) {
    for (const [i, runEpoch] of engines.entries()) {
      const start = process.cpuUsage();
      await runEpoch();
      const used = process.cpuUsage(start);
      seconds[i].push((used.user + used.system) / 1e6);
    }
  }
  return seconds.map((list) => list.sort((a, b) => a - b)[Math.floor(epochs / 2)]);
}

async function measure(workload: Workload) {
  const { x, labels, targets, dim, classes, rng } = makeData(workload);
  const order = Int32Array.from({ length: workload.rows }, (_, i) => i);
  const plain = createPlainMlp(workload.sizes, workload.activation, 1);

  const backend = createCpuBackend();
  const spec = { kind: 'mlp' as const, inputDim: dim, classes, hidden: workload.sizes.slice(1, -1), activation: workload.activation, dropout: 0 };
  const network = createNetwork(backend, spec, 1);
  network.setTrainingSet(uploadRows(backend, x, workload.rows, dim), targets, new Float32Array(workload.rows).fill(1));
  let epoch = 0;
  const [plainSeconds, engineSeconds] = await medians(7, [
    async () => plain.trainEpoch(x, labels, rng.shuffle(order), workload.hyper),
    () => network.trainEpoch(rng.shuffle(order), workload.hyper, epoch++),
  ]);
  const plainRate = workload.rows / plainSeconds;
  const engineRate = workload.rows / engineSeconds;
  console.log(`| ${workload.name} | ${Math.round(plainRate)} | ${Math.round(engineRate)} | ${(engineRate / plainRate).toFixed(2)} |`);
}

console.log('| workload | plain-js samples/s | autodidact-cpu samples/s | ratio |\n|---|---:|---:|---:|');
for (const workload of WORKLOADS) await measure(workload);
