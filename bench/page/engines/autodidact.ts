// Autodidact's own engine on any backend of the contract: the CPU backend, WebAssembly or WebGPU.
import type { Backend } from '../../../src/engine/backend.ts';
import { createNetworks } from '../../../src/model/network.ts';
import { uploadRows } from '../../../src/model/rows.ts';
import type { EngineName } from '../../report/types.ts';
import { MODEL_SEED, workloadSpec, type Workload } from '../../workloads.ts';
import type { Engine } from './types.ts';

/** A backend for one session, and how to give back what it holds (a GPU device, say). */
export interface BackendHandle {
  backend: Backend;
  release(): Promise<void> | void;
}

/**
 * An engine that trains through src/model on the backend `open` makes for the workload, a fresh one per
 * session. The models of a multi-model workload train side by side in the same ops
 * (createNetworks: the backend's model dimension).
 */
export function createAutodidactEngine(name: EngineName, usesGpu: boolean, open: (workload: Workload) => Promise<BackendHandle>): Engine {
  return {
    name,
    usesGpu,
    runs: () => true,
    async createSession(workload, data) {
      const { backend, release } = await open(workload);
      const rows = uploadRows(backend, data.x, data.rows, data.dim);
      const networks = createNetworks(backend, workloadSpec(workload), Array.from({ length: workload.models }, (_, model) => MODEL_SEED + model));
      networks.setTrainingSet(rows, data.targets, data.weights);
      let epoch = 0;
      return {
        async trainEpoch(order) {
          await networks.trainEpoch(order, workload.hyper, epoch++);
        },
        async dispose() {
          networks.dispose();
          rows.dispose();
          backend.dispose();
          await release();
        },
      };
    },
  };
}
