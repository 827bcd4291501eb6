import { expect, test, vi } from 'vitest';
import { createLossSeries } from '../../../app/store/lossSeries.ts';

test('grows past its first capacity, numbers epochs across the run and marks generation starts', () => {
  const series = createLossSeries();
  const listener = vi.fn();
  series.subscribe(listener);
  for (let generation = 0; generation < 3; generation++) {
    for (let epoch = 0; epoch < 200; epoch++) series.append(generation, 1 / (epoch + 1));
  }
  const { x, y } = series.points();
  expect(series.length).toBe(600);
  expect(x[0]).toBe(1);
  expect(x[599]).toBe(600);
  expect(y[200]).toBe(1);
  expect(series.boundaries()).toEqual([
    { generation: 1, x: 201 },
    { generation: 2, x: 401 },
  ]);
  expect(listener).toHaveBeenCalledTimes(600);
});

test('clear empties it and tells its listeners; unsubscribe stops the calls', () => {
  const series = createLossSeries();
  series.append(0, 0.7);
  const listener = vi.fn();
  const unsubscribe = series.subscribe(listener);
  series.clear();
  expect(series.length).toBe(0);
  expect(series.boundaries()).toEqual([]);
  expect(listener).toHaveBeenCalledTimes(1);
  unsubscribe();
  series.append(0, 0.5);
  expect(listener).toHaveBeenCalledTimes(1);
});

test('keepThrough drops the epochs after a generation, so a run going on from it does not repeat them', () => {
  const series = createLossSeries();
  for (const generation of [0, 0, 1, 1, 2]) series.append(generation, 0.5);
  series.keepThrough(1);
  expect(series.length).toBe(4);
  series.keepThrough(0);
  expect(series.length).toBe(2);
  expect(series.boundaries()).toEqual([]);
  series.append(1, 0.4);
  expect(series.boundaries()).toEqual([{ generation: 1, x: 3 }]);
  series.keepThrough(-1);
  expect(series.length).toBe(0);
});
