/** Epochs the whole run trains and reports: generations 0..gens, `epochs` each (the oracle trains silently). */
export function totalEpochs(gens: number, epochs: number): number {
  return Math.max(1, (gens + 1) * epochs);
}

/** The loss axis: from 0 to a little above the highest loss seen; [0, 1] while empty. */
export function lossRange(values: ArrayLike<number>): [number, number] {
  let highest = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > highest) highest = values[i];
  return [0, highest > 0 ? highest * 1.08 : 1];
}
