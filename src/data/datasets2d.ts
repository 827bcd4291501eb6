/**
 * The 2-D datasets, after TensorFlow Playground's `dataset.ts` (coordinates roughly in
 * [-6, 6]), plus two moons. Each sampler draws one example from a seeded Rng, so a split
 * is a pure function of its seed.
 */
import type { Rng } from './rng.ts';

/** One drawn example. */
export interface Point2D {
  x: number;
  y: number;
  /** True class; may differ from the class the point was drawn for where noise flips it. */
  label: number;
}

/**
 * Draws one example aimed at class `intended` (0 <= intended < classes).
 * `noise` is a fraction in [0, 0.5], as Playground passes its 0-50 slider divided by 100.
 */
export type PointSampler = (rng: Rng, intended: number, classes: number, noise: number) => Point2D;

/** Half-width of the square the datasets roughly fill, as in Playground: the smallest 2-D view. */
export const DATA_HALF_WIDTH = 6;

const uniform = (rng: Rng, a: number, b: number): number => a + (b - a) * rng.next();

/** Playground's circle: inner disc r < 2.5 vs ring 3.5..5; noise jitters the point the label is read at. */
const circle: PointSampler = (rng, intended, _classes, noise) => {
  const radius = 5;
  const r = intended === 0 ? uniform(rng, 0, radius * 0.5) : uniform(rng, radius * 0.7, radius);
  const angle = uniform(rng, 0, 2 * Math.PI);
  const x = r * Math.sin(angle);
  const y = r * Math.cos(angle);
  const noisyX = x + uniform(rng, -radius, radius) * noise;
  const noisyY = y + uniform(rng, -radius, radius) * noise;
  return { x, y, label: Math.hypot(noisyX, noisyY) < radius * 0.5 ? 0 : 1 };
};

/**
 * Playground's xor: uniform in [-5, 5]^2, pushed 0.3 off the axes. Class 0 is x·y >= 0.
 * Drawing the quadrant from the intended class keeps the distribution uniform when the
 * classes are drawn evenly, and lets a split ask for a class.
 */
const xor: PointSampler = (rng, intended, _classes, noise) => {
  const padding = 0.3;
  const signX = rng.next() < 0.5 ? -1 : 1;
  const signY = intended === 0 ? signX : -signX;
  const x = signX * (uniform(rng, 0, 5) + padding);
  const y = signY * (uniform(rng, 0, 5) + padding);
  const noisyX = x + uniform(rng, -5, 5) * noise;
  const noisyY = y + uniform(rng, -5, 5) * noise;
  return { x, y, label: noisyX * noisyY >= 0 ? 0 : 1 };
};

/**
 * Playground's two Gaussians at (2, 2) and (-2, -2), variance 0.5 at no noise to 4 at 50%.
 * More classes sit evenly on a circle, widened so that neighbouring centres stay at
 * least 4 apart (the spacing of four blobs on Playground's radius).
 */
const gauss: PointSampler = (rng, intended, classes, noise) => {
  const variance = 0.5 + (4 - 0.5) * (noise / 0.5);
  const ringRadius = Math.max(2 * Math.SQRT2, 2 / Math.sin(Math.PI / classes));
  const angle = Math.PI / 4 + (2 * Math.PI * intended) / classes;
  const sd = Math.sqrt(variance);
  return {
    x: ringRadius * Math.cos(angle) + sd * rng.normal(),
    y: ringRadius * Math.sin(angle) + sd * rng.normal(),
    label: intended,
  };
};

/**
 * Playground's spiral (1.75 turns out to radius 5, jitter of up to ±noise), one arm per
 * class. Playground walks each arm at evenly spaced steps; here the position along the
 * arm is drawn at random, so the pool and the test set are independent draws of one
 * distribution instead of the same points twice.
 */
const spiral: PointSampler = (rng, intended, classes, noise) => {
  const along = rng.next();
  const r = along * 5;
  const t = 1.75 * along * 2 * Math.PI + (2 * Math.PI * intended) / classes;
  return {
    x: r * Math.sin(t) + uniform(rng, -1, 1) * noise,
    y: r * Math.cos(t) + uniform(rng, -1, 1) * noise,
    label: intended,
  };
};

/**
 * scikit-learn's make_moons, centred and scaled by 3.5 to span about [-5.3, 5.3] like
 * the Playground sets. Noise is Gaussian with sd = noise in moon units, so 10% matches
 * the common make_moons(noise=0.1).
 */
const moons: PointSampler = (rng, intended, _classes, noise) => {
  const scale = 3.5;
  const t = uniform(rng, 0, Math.PI);
  const unitX = intended === 0 ? Math.cos(t) : 1 - Math.cos(t);
  const unitY = intended === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
  return {
    x: scale * (unitX - 0.5 + noise * rng.normal()),
    y: scale * (unitY - 0.25 + noise * rng.normal()),
    label: intended,
  };
};

/** The sampler of each 2-D dataset; its entry in ./datasets.ts names it. */
export const POINT_SAMPLERS = { circle, xor, gauss, spiral, moons } as const satisfies Record<string, PointSampler>;
