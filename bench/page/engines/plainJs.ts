// The floor: bench/plainMlp.ts's straight Float32Array loops, no engine between the maths and the CPU.
import { createPlainMlp } from '../../plainMlp.ts';
import { MODEL_SEED } from '../../workloads.ts';
import type { Engine } from './types.ts';

export const plainJsEngine: Engine = {
  name: 'plain-js',
  usesGpu: false,
  runs: (workload) => workload.models === 1 && !workload.cnn,
  async createSession(workload, data) {
    const mlp = createPlainMlp(workload.sizes, workload.activation, MODEL_SEED);
    return {
      async trainEpoch(order) {
        mlp.trainEpoch(data.x, data.labels, order, workload.hyper);
      },
      async dispose() {},
    };
  },
};
