import { describe, expect, it } from 'vitest';
import { VIEW_ALIGN } from '../../src/engine/backend.ts';
import { computeLayout, decayMask, packParameters, unpackParameters } from '../../src/model/layout.ts';
import { mlpLayers } from '../../src/model/mlp.ts';

const spec = { kind: 'mlp' as const, inputDim: 2, classes: 3, hidden: [16, 5], activation: 'tanh' as const, dropout: 0.2 };

describe('parameter layout', () => {
  const layout = computeLayout(spec.inputDim, mlpLayers(spec));
  const views = layout.layers.flat();

  it('places every view at a multiple of VIEW_ALIGN, without overlap, in layer order', () => {
    expect(views.map((v) => [v.label, v.size])).toEqual([['weights', 32], ['bias', 16], ['weights', 80], ['bias', 5], ['weights', 15], ['bias', 3]]);
    expect(views.map((v) => v.offset)).toEqual([0, 64, 128, 256, 320, 384]);
    views.forEach((v) => expect(v.offset % VIEW_ALIGN).toBe(0));
    expect(layout.paddedSize).toBe(448);
    expect(layout.count).toBe(32 + 16 + 80 + 5 + 15 + 3);
    // Dropout layers own no parameters.
    expect(layout.layers.map((l) => l.length)).toEqual([2, 0, 2, 0, 2]);
  });

  it('packs and unpacks without loss, padding zero', () => {
    const packed = Float32Array.from({ length: layout.count }, (_, i) => i + 1);
    const padded = unpackParameters(layout, packed);
    expect(padded[32]).toBe(0);
    expect(padded[64]).toBe(33);
    expect(Array.from(packParameters(layout, padded))).toEqual(Array.from(packed));
  });

  it('marks weights, not biases or padding, for L2', () => {
    const mask = decayMask(layout);
    expect([mask[0], mask[31], mask[32], mask[64], mask[128], mask[207], mask[208], mask[256]]).toEqual([1, 1, 0, 0, 1, 1, 0, 0]);
  });
});
