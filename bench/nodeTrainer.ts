// One workload's training epoch on a backend in Node, for the Node benchmarks that time backends
// against each other (bench/wasmVsCpu.ts, bench/wasmCrossover.ts).
import { createRng } from '../src/data/rng.ts';
import type { Backend } from '../src/engine/backend.ts';
import { createNetworks } from '../src/model/network.ts';
import { uploadRows } from '../src/model/rows.ts';
import { MODEL_SEED, makeData, workloadSpec, type Workload } from './workloads.ts';

/** One epoch of a workload's training on a backend, ready to run again and again. */
export function epochTrainer(backend: Backend, workload: Workload): () => Promise<unknown> {
  const data = makeData(workload);
  const networks = createNetworks(backend, workloadSpec(workload), [MODEL_SEED]);
  networks.setTrainingSet(uploadRows(backend, data.x, data.rows, data.dim), data.targets, data.weights);
  const rng = createRng(3);
  const order = Int32Array.from({ length: workload.rows }, (_, i) => i);
  let epoch = 0;
  return () => networks.trainEpoch(rng.shuffle(order), workload.hyper, epoch++);
}
