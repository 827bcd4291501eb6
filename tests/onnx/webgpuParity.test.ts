import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/config/schema.ts';
import type { WebGpuBackend } from '../../src/engine/backends/webgpu.ts';
import type { ModelSpec } from '../../src/model/types.ts';
import { useNodeBackend } from '../engine/webgpu/nodeGpu.ts';
import { parityCase } from './ortParity.ts';

let gpu: WebGpuBackend;
useNodeBackend((backend) => (gpu = backend));

describe('exportOnnx: onnxruntime-node runs the file like the engine on WebGPU (Dawn in Node)', () => {
  for (const activation of ACTIVATIONS) {
    it(`2-16-16-3, ${activation}`, async () => {
      const spec: ModelSpec = { kind: 'mlp', inputDim: 2, classes: 3, hidden: [16, 16], activation, dropout: 0.2 };
      const { onnx, maxDifference } = await parityCase(gpu, spec, 500, { seed: 21, scale: 4 });
      expect(onnx.dims).toEqual([500, 3]);
      expect(maxDifference).toBeLessThanOrEqual(1e-4);
    });
  }

  it('784-64-10 relu on images fed as [N, 1, 28, 28]', async () => {
    const spec: ModelSpec = { kind: 'mlp', inputDim: 784, classes: 10, hidden: [64], activation: 'relu', dropout: 0 };
    const { maxDifference } = await parityCase(gpu, spec, 64, { seed: 8, scale: 0.1, inputShape: [1, 28, 28] });
    expect(maxDifference).toBeLessThanOrEqual(1e-4);
  });
});
