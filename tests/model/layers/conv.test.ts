import { describe, expect, it } from 'vitest';
import type { Activation, ImageShape } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { initialParameters } from '../../../src/model/init.ts';
import { computeLayout, packParameters } from '../../../src/model/layout.ts';
import type { LayerSpec } from '../../../src/model/layers/layer.ts';
import { createLayerStack } from '../../../src/model/stack.ts';
import { checkGradients } from '../helpers/gradientCheck.ts';

const image = (channels: number, height: number, width: number): ImageShape => ({ channels, height, width });
const conv = (input: ImageShape, filters: number, activation: Activation, kernel = 3): LayerSpec => ({ kind: 'conv', input, filters, kernel, activation });
const dense = (units: number, activation: Activation): LayerSpec => ({ kind: 'dense', units, activation });

describe('conv layer gradients against float64 finite differences', () => {
  it('1 channel, 5×7, relu, batch 1', () => checkGradients({ inputDim: 35, layers: [conv(image(1, 5, 7), 2, 'relu'), dense(3, 'linear')], rows: 1 }));
  it('3 channels, 5×7, tanh, batch 3', () => checkGradients({ inputDim: 105, layers: [conv(image(3, 5, 7), 2, 'tanh'), dense(3, 'linear')], rows: 3 }));
  it('a conv after a conv (input gradient), sigmoid then relu', () =>
    checkGradients({ inputDim: 35, layers: [conv(image(1, 7, 5), 3, 'sigmoid'), conv(image(3, 7, 5), 2, 'relu'), dense(2, 'linear')], rows: 3, targets: 'soft' }));
  it('a conv after a dense layer, with partial-batch junk rows', () =>
    checkGradients({ inputDim: 4, layers: [dense(3 * 3 * 5, 'tanh'), conv(image(3, 3, 5), 2, 'linear'), dense(3, 'linear')], rows: 2, capacity: 9 }));
  it('kernels 1 and 5', () =>
    checkGradients({ inputDim: 30, layers: [conv(image(2, 3, 5), 3, 'tanh', 1), conv(image(3, 3, 5), 2, 'tanh', 5), dense(2, 'linear')], rows: 3 }));
});

describe('conv layer parameters', () => {
  it('are [filters, channels, 3, 3] He-uniform weights for relu (fan-in channels·9), zero biases, L2 on weights only', () => {
    const layout = computeLayout(3 * 28 * 28, [conv(image(3, 28, 28), 8, 'relu'), dense(2, 'linear')]);
    const [weights, bias] = layout.layers[0];
    expect([weights.size, weights.decay, weights.init, weights.fanIn, bias.size, bias.decay, bias.init]).toEqual([8 * 3 * 9, true, 'he', 27, 8, false, 'zeros']);
    const packed = packParameters(layout, initialParameters(layout, 5));
    const w = Array.from(packed.subarray(weights.packedOffset, weights.packedOffset + weights.size), Math.abs);
    expect(Math.max(...w)).toBeLessThanOrEqual(Math.sqrt(6 / 27));
    expect(Math.max(...w)).toBeGreaterThan(0.9 * Math.sqrt(6 / 27));
    expect(layout.outputDims).toEqual([8 * 28 * 28, 2]);
  });

  it('refuse rows that are not the image shape, with the sizes in the message', () => {
    expect(() => createLayerStack(createCpuBackend(), 34, [conv(image(1, 5, 7), 2, 'relu')], 4)).toThrow(/1×5×7 images needs rows of 35 floats, got 34/);
  });
});
