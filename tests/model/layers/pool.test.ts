import { describe, expect, it } from 'vitest';
import type { Activation, ImageShape } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { computeLayout } from '../../../src/model/layout.ts';
import type { LayerSpec } from '../../../src/model/layers/layer.ts';
import { createLayerStack } from '../../../src/model/stack.ts';
import { checkGradients } from '../helpers/gradientCheck.ts';

const image = (channels: number, height: number, width: number): ImageShape => ({ channels, height, width });
const pool = (input: ImageShape): LayerSpec => ({ kind: 'maxpool', input });
const dense = (units: number, activation: Activation): LayerSpec => ({ kind: 'dense', units, activation });

describe('max-pool layer gradients against float64 finite differences', () => {
  it('after a dense layer, 2 channels of 5×7 (odd edges dropped), batch 3', () =>
    checkGradients({ inputDim: 3, layers: [dense(70, 'tanh'), pool(image(2, 5, 7)), dense(3, 'linear')], rows: 3 }));
  it('after a conv layer, 1 channel, batch 1', () =>
    checkGradients({
      inputDim: 35,
      layers: [{ kind: 'conv', input: image(1, 7, 5), filters: 3, kernel: 3, activation: 'relu' }, pool(image(3, 7, 5)), dense(2, 'linear')],
      rows: 1,
      targets: 'soft',
    }));
});

describe('max-pool layer shape', () => {
  it('halves the image, rounding down, and owns no parameters', () => {
    const layout = computeLayout(3 * 5 * 7, [pool(image(3, 5, 7)), dense(2, 'linear')]);
    expect(layout.layers[0]).toEqual([]);
    expect(layout.outputDims).toEqual([3 * 2 * 3, 2]);
  });

  it('refuses a 1-pixel-high image and rows of the wrong size', () => {
    expect(() => createLayerStack(createCpuBackend(), 5, [pool(image(1, 1, 5))], 2)).toThrow(/at least 2×2/);
    expect(() => createLayerStack(createCpuBackend(), 20, [pool(image(1, 4, 4))], 2)).toThrow(/needs rows of 16 floats, got 20/);
  });
});
