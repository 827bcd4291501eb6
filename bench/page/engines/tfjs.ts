// TensorFlow.js as a competitor: data uploaded once, batches gathered on the backend through
// the epoch's order, one minimize per step inside tf.tidy, the loss read once per epoch.
import * as tf from '@tensorflow/tfjs-core';
import type { EngineName } from '../../report/types.ts';
import { MODEL_SEED } from '../../workloads.ts';
import { activateTfjs, type TfjsBackendName } from './tfjsBackends.ts';
import { createTfjsCnn } from './tfjsCnn.ts';
import { createTfjsMlp } from './tfjsMlp.ts';
import type { Engine } from './types.ts';

export function createTfjsEngine(name: EngineName, backendName: TfjsBackendName): Engine {
  return {
    name,
    usesGpu: backendName === 'webgpu',
    // tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel, so it cannot train W3's CNN.
    runs: (workload) => !(workload.cnn && backendName === 'wasm'),
    async createSession(workload, data) {
      const release = await activateTfjs(backendName);
      const x = tf.tensor2d(data.x, [data.rows, data.dim]);
      const targets = tf.tensor2d(data.targets, [data.rows, data.classes]);
      const create = workload.cnn ? createTfjsCnn : createTfjsMlp;
      const models = Array.from({ length: workload.models }, (_, model) => create(workload, MODEL_SEED + model));
      const { batch } = workload.hyper;
      return {
        async trainEpoch(order) {
          const orderTensor = tf.tensor1d(order, 'int32');
          try {
            for (const model of models) {
              let loss: tf.Scalar | null = null;
              for (let start = 0; start < order.length; start += batch) {
                const size = Math.min(batch, order.length - start);
                const next = tf.tidy(() => {
                  const rows = tf.slice(orderTensor, start, size);
                  return model.step(tf.gather(x, rows), tf.gather(targets, rows));
                });
                loss?.dispose();
                loss = next;
              }
              // The async read: on webgpu, dataSync would take a slow canvas path instead of mapAsync.
              await loss?.data();
              loss?.dispose();
            }
          } finally {
            orderTensor.dispose();
          }
        },
        async dispose() {
          for (const model of models) model.dispose();
          x.dispose();
          targets.dispose();
          await release();
        },
      };
    },
  };
}
