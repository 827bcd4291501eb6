import { describe, expect, it } from 'vitest';
import type { Activation, Backend } from '../../src/engine/backend.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import type { LayerSpec } from '../../src/model/layers/layer.ts';
import { checkGradients } from './helpers/gradientCheck.ts';

const dense = (units: number, activation: Activation): LayerSpec => ({ kind: 'dense', units, activation });
const dropout = (rate: number): LayerSpec => ({ kind: 'dropout', rate });

describe('gradients against float64 finite differences', () => {
  it('dense relu', () => checkGradients({ inputDim: 3, layers: [dense(5, 'relu'), dense(3, 'linear')] }));
  it('dense tanh', () => checkGradients({ inputDim: 3, layers: [dense(5, 'tanh'), dense(3, 'linear')] }));
  it('dense sigmoid', () => checkGradients({ inputDim: 3, layers: [dense(5, 'sigmoid'), dense(3, 'linear')] }));
  it('dense linear', () => checkGradients({ inputDim: 4, layers: [dense(3, 'linear'), dense(2, 'linear')] }));
  it('dropout with a fixed mask', () => checkGradients({ inputDim: 3, layers: [dense(8, 'tanh'), dropout(0.4), dense(3, 'linear')], rows: 6 }));
  it('loss, hard targets', () => checkGradients({ inputDim: 4, layers: [dense(3, 'linear')], targets: 'hard' }));
  it('loss, soft targets', () => checkGradients({ inputDim: 4, layers: [dense(3, 'linear')], targets: 'soft' }));
  it('loss, per-row weights', () => checkGradients({ inputDim: 4, layers: [dense(3, 'linear')], targets: 'soft', weights: 'random' }));
  it('loss, zero-weight rows', () => checkGradients({ inputDim: 4, layers: [dense(3, 'linear')], weights: 'someZero', rows: 7 }));
  it('partial batch in full-size tensors', () => checkGradients({ inputDim: 2, layers: [dense(4, 'tanh'), dense(2, 'linear')], rows: 3, capacity: 16 }));
  it('a deep stack', () =>
    checkGradients({
      inputDim: 3,
      layers: [dense(6, 'relu'), dropout(0.3), dense(5, 'tanh'), dropout(0.5), dense(4, 'sigmoid'), dense(3, 'linear')],
      rows: 6,
      targets: 'soft',
      weights: 'someZero',
    }));
});

describe('the gradient check can fail', () => {
  /** The CPU backend with one op broken on purpose. */
  const broken = (patch: Partial<Backend>): Backend => ({ ...createCpuBackend(), ...patch });
  const cpu = createCpuBackend();
  const layers = [dense(5, 'tanh'), dense(3, 'linear')];

  it('rejects a wrong sign in an activation derivative', async () => {
    const backend = broken({ activationBackward: (y, dy, dx, count, act) => cpu.activationBackward(y, dy, dx, count, act === 'tanh' ? 'linear' : act) });
    await expect(checkGradients({ inputDim: 3, layers, backend })).rejects.toThrow();
  });
  it('rejects a missing bias gradient', async () => {
    const backend = broken({ sumRows: (x, rows, cols, out, accumulate) => cpu.sumRows(x, rows > 1 ? rows - 1 : rows, cols, out, accumulate) });
    await expect(checkGradients({ inputDim: 3, layers, backend })).rejects.toThrow();
  });
});
