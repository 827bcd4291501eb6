// jax-js 0.1.25 as a competitor, written the way its docs recommend: the whole training step
// (forward, valueAndGrad, optimizer update) under one `jit`, the data put on the device once,
// each batch gathered inside the step from its row indices, `blockUntilReady` every few steps
// and the loss read once per epoch. Sixteen models train under `vmap`. There is no optimizer
// package for jax-js on npm (@jax-js/optax is unpublished), so SGD and Adam are written here.
import { blockUntilReady, defaultDevice, init, jit, numpy as np, tree, vmap, type Device } from '@jax-js/jax';
import type { EngineName } from '../../report/types.ts';
import { MODEL_SEED } from '../../workloads.ts';
import { createJaxParams, jaxLoss } from './jaxjsModels.ts';
import { jaxOptimizer, type JaxState } from './jaxjsOptimizers.ts';
import type { Engine } from './types.ts';

/** Steps queued between waits: every 8 measured fastest here (once per epoch is 1.3-2× slower). */
const STEPS_PER_WAIT = 8;

export function createJaxEngine(name: EngineName, device: Extract<Device, 'webgpu' | 'wasm'>): Engine {
  return {
    name,
    usesGpu: device === 'webgpu',
    runs: () => true,
    async createSession(workload, data) {
      if (!(await init(device)).includes(device)) throw new Error(`jax-js could not start its ${device} backend here`);
      defaultDevice(device);
      const x = np.array(data.x, { shape: [data.rows, data.dim] });
      const targets = np.array(data.targets, { shape: [data.rows, data.classes] });
      const seeds = Array.from({ length: workload.models }, (_, model) => MODEL_SEED + model);
      const optimizer = jaxOptimizer(workload.hyper);
      const loss = jaxLoss(workload);
      const { batch } = workload.hyper;
      // One model's step; the models of W1x16 get a leading axis through vmap (the data is shared).
      const stepOne = (state: JaxState, rowsX: np.Array, rowsY: np.Array, rows: np.Array) => {
        const [value, grads] = loss.valueAndGrad(tree.ref(state.params), np.take(rowsX, rows.ref, 0), np.take(rowsY, rows, 0));
        return { state: optimizer.update(state, grads), loss: value };
      };
      const step = jit(workload.models > 1 ? (vmap(stepOne, [0, null, null, null]) as typeof stepOne) : stepOne);
      let state = optimizer.init(createJaxParams(workload, seeds), workload.models);
      const losses: number[] = [];
      return {
        async trainEpoch(order) {
          let last: np.Array | null = null;
          for (let start = 0, s = 1; start < order.length; start += batch, s++) {
            const rows = np.array(order.subarray(start, start + batch), { dtype: np.int32 });
            const out = step(state, x.ref, targets.ref, rows);
            state = out.state;
            last?.dispose();
            last = out.loss;
            if (s % STEPS_PER_WAIT === 0) await blockUntilReady(state);
          }
          if (last) {
            // data() takes the array's reference, as every jax-js function does.
            const values = await last.data();
            losses.push(Array.from(values, Number).reduce((sum, value) => sum + value, 0) / values.length);
          }
        },
        async dispose() {
          // The loss must fall for the row's samples/s to count: the page log says it did.
          console.info(`bench: ${name} ${workload.name} mean loss ${losses[0]?.toFixed(4)} -> ${losses[losses.length - 1]?.toFixed(4)} over ${losses.length} epochs`);
          tree.dispose(state);
          x.dispose();
          targets.dispose();
          step.dispose();
        },
      };
    },
  };
}
