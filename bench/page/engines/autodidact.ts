// Autodidact's own engine on any backend of the contract: the CPU backend now, WebGPU when it lands.
import type { Backend } from '../../../src/engine/backend.ts';
import { createNetwork } from '../../../src/model/network.ts';
import { uploadRows } from '../../../src/model/rows.ts';
import type { EngineName } from '../../report/types.ts';
import { MODEL_SEED } from '../../workloads.ts';
import type { Engine } from './types.ts';

/** A backend for one session, and how to give back what it holds (a GPU device, say). */
export interface BackendHandle {
  backend: Backend;
  release(): Promise<void> | void;
}

/**
 * An engine that trains through src/model's Network on the backend `open` makes, a fresh one per
 * session. Models of a multi-model workload train one after another until the backend has a
 * model dimension.
 */
export function createAutodidactEngine(name: EngineName, usesGpu: boolean, open: () => Promise<BackendHandle>): Engine {
  return {
    name,
    usesGpu,
    runs: () => true,
    async createSession(workload, data) {
      const { backend, release } = await open();
      const rows = uploadRows(backend, data.x, data.rows, data.dim);
      const spec = { kind: 'mlp' as const, inputDim: data.dim, classes: data.classes, hidden: workload.sizes.slice(1, -1), activation: workload.activation, dropout: 0 };
      const networks = Array.from({ length: workload.models }, (_, model) => createNetwork(backend, spec, MODEL_SEED + model));
      for (const network of networks) network.setTrainingSet(rows, data.targets, data.weights);
      let epoch = 0;
      return {
        async trainEpoch(order) {
          for (const network of networks) await network.trainEpoch(order, workload.hyper, epoch);
          epoch++;
        },
        async dispose() {
          for (const network of networks) network.dispose();
          rows.dispose();
          backend.dispose();
          await release();
        },
      };
    },
  };
}
