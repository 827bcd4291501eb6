import { describe, expect, test } from 'vitest';
import { encoderSize, pretextHyper, pretextSpec, withEncoder } from '../../src/model/pretext.ts';
import type { CnnSpec, MlpSpec, TrainHyper } from '../../src/model/types.ts';

const MLP: MlpSpec = { kind: 'mlp', inputDim: 2, classes: 3, hidden: [8, 8], activation: 'tanh', dropout: 0.1 };
const CNN: CnnSpec = { kind: 'cnn', inputDim: 784, image: { channels: 1, height: 28, width: 28 }, classes: 10, filters: [4, 8], hidden: [16], dropout: 0.2 };
const HYPER: TrainHyper = { optimizer: 'adam', lr: 0.003, momentum: 0.9, l2: 0.001, batch: 16, inputNoise: 0.3, shift: { image: CNN.image, pixels: 2 }, mixup: true };

describe('the warm-up network', () => {
  test('has the task’s head in place of the logits', () => {
    expect(pretextSpec(MLP, 'denoise')).toEqual({ ...MLP, classes: 2 });
    expect(pretextSpec(CNN, 'denoise')).toEqual({ ...CNN, classes: 784 });
    expect(pretextSpec(CNN, 'rotate')).toEqual({ ...CNN, classes: 4 });
    expect(() => pretextSpec(MLP, 'rotate')).toThrow(/square images/);
    expect(() => pretextSpec({ ...CNN, inputDim: 28 * 14, image: { channels: 1, height: 28, width: 14 } }, 'rotate')).toThrow(/square images/);
  });

  test('trains with the run’s optimizer and none of its own noise but the task’s', () => {
    expect(pretextHyper(HYPER, MLP, 'denoise', 0.5)).toEqual({ optimizer: 'adam', lr: 0.003, momentum: 0.9, l2: 0.001, batch: 16, inputNoise: 0.5, task: { kind: 'reconstruct' } });
    expect(pretextHyper(HYPER, CNN, 'rotate', 0.5)).toEqual({ optimizer: 'adam', lr: 0.003, momentum: 0.9, l2: 0.001, batch: 16, inputNoise: 0, task: { kind: 'rotate', image: CNN.image } });
  });

  test('hands on an MLP’s hidden layers and a CNN’s conv blocks', () => {
    // 2·8 + 8, then 8·8 + 8.
    expect(encoderSize(MLP)).toBe(96);
    // 4 filters of 1×3×3 + 4, then 8 of 4×3×3 + 8; the dense layers stay the classifier's own.
    expect(encoderSize(CNN)).toBe(336);
    expect(Array.from(withEncoder(Float32Array.from([1, 2, 3, 4]), Float32Array.from([9, 8])))).toEqual([9, 8, 3, 4]);
    expect(() => withEncoder(new Float32Array(2), new Float32Array(3))).toThrow(/does not fit/);
  });
});
