import { describe, expect, it } from 'vitest';
import { initialParameters } from '../../src/model/init.ts';
import { computeLayout, packParameters } from '../../src/model/layout.ts';
import { mlpLayers } from '../../src/model/mlp.ts';
import type { MlpSpec } from '../../src/model/types.ts';

const spec = (activation: MlpSpec['activation']): MlpSpec => ({ kind: 'mlp', inputDim: 50, classes: 10, hidden: [200], activation, dropout: 0 });

describe('initial parameters', () => {
  it('are a function of the seed', () => {
    const layout = computeLayout(50, mlpLayers(spec('tanh')));
    expect(Array.from(initialParameters(layout, 3))).toEqual(Array.from(initialParameters(layout, 3)));
    expect(Array.from(initialParameters(layout, 3))).not.toEqual(Array.from(initialParameters(layout, 4)));
  });

  for (const [activation, limit] of [['relu', Math.sqrt(6 / 50)], ['tanh', Math.sqrt(6 / 250)], ['sigmoid', Math.sqrt(6 / 250)]] as const) {
    it(`are uniform in ±${limit.toFixed(3)} for ${activation} (${activation === 'relu' ? 'He' : 'Glorot'}), biases zero`, () => {
      const layout = computeLayout(50, mlpLayers(spec(activation)));
      const packed = packParameters(layout, initialParameters(layout, 1));
      const [weights, bias] = layout.layers[0];
      const w = Array.from(packed.subarray(weights.packedOffset, weights.packedOffset + weights.size));
      expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(limit);
      expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.98 * limit);
      // A uniform on ±a has variance a²/3.
      const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
      expect(variance).toBeCloseTo((limit * limit) / 3, 3);
      expect(Array.from(packed.subarray(bias.packedOffset, bias.packedOffset + bias.size)).every((b) => b === 0)).toBe(true);
    });
  }
});
