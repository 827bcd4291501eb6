import { expect, test } from 'vitest';
import type { Split } from '../../../src/data/types.ts';
import { galleryItems, vetoedItems } from '../../../app/images/galleryItems.ts';
import type { PseudoLabelSnapshot } from '../../../src/selftrain/events.ts';

// Only the pool's true labels matter to the gallery's items.
const split = { pool: { y: Int32Array.of(0, 1, 1, 0) }, classNames: ['a', 'b'] } as unknown as Split;
const pseudo: PseudoLabelSnapshot = {
  indices: Int32Array.of(0),
  labels: Int32Array.of(0),
  confidence: Float32Array.of(0.5),
  vetoed: { indices: Int32Array.of(1, 2, 3), labels: Int32Array.of(0, 1, 1), confidence: Float32Array.of(0.75, 0.875, 0.625) },
};

test('vetoedItems: the critic’s vetoes, most confident first, filtered by class like the admitted ones; none without a critic', () => {
  expect(vetoedItems(split, pseudo, null)).toEqual([
    { row: 2, label: 1, truth: 1, confidence: 0.875 },
    { row: 1, label: 0, truth: 1, confidence: 0.75 },
    { row: 3, label: 1, truth: 0, confidence: 0.625 },
  ]);
  expect(vetoedItems(split, pseudo, 0).map((item) => item.row)).toEqual([1]);
  expect(galleryItems(split, pseudo, null).map((item) => item.row)).toEqual([0]);
  expect(vetoedItems(split, { ...pseudo, vetoed: undefined }, null)).toEqual([]);
  expect(vetoedItems(split, null, null)).toEqual([]);
});
