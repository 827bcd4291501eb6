import { expect } from 'vitest';
import { createRng } from '../../src/data/rng.ts';
import type { Backend, Tensor } from '../../src/engine/backend.ts';

/** n seeded standard-normal floats. */
export function seeded(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

/** A tensor holding `data`. */
export function tensorOf(backend: Backend, data: ArrayLike<number>, label = 'test'): Tensor {
  const tensor = backend.createTensor(data.length, label);
  backend.write(tensor, Float32Array.from(data));
  return tensor;
}

/** Element-wise |actual - expected| <= tolerance·(1 + |expected|), with the first offender in the message. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance * (1 + Math.abs(expected[i])))) {
      expect.fail(`element ${i}: ${actual[i]} is not within ${tolerance} of ${expected[i]}`);
    }
  }
}
