import type { GenerationResult, WarmupResult, WarmupSamples } from '../../src/selftrain/events.ts';
import { formatPercent } from './percent.ts';

/** A difference of fractions in percentage points, signed with a real minus: "+5.4 pts", "−1.2 pts". */
export function signedPoints(difference: number): string {
  const points = (difference * 100).toFixed(1);
  return difference < 0 ? `−${points.slice(1)} pts` : `+${points} pts`;
}

/** Generation 0's "Warm-up gain" cell: "+5.4 pts (88.9% without)"; null on a row that has none. */
export function warmupGainText(result: GenerationResult): string | null {
  return result.warmup ? `${signedPoints(result.warmup.gain)} (${formatPercent(result.warmup.withoutTestAccuracy)} without)` : null;
}

/** The warm-up's curve in a sentence: "loss 0.912 → 0.301 over 5 epochs", and under rotate the turns told right. */
export function warmupCurveText(result: WarmupResult): string {
  const { loss, accuracy } = result;
  if (loss.length === 0) return 'No warm-up epoch finished.';
  const epochs = `${loss.length} epoch${loss.length === 1 ? '' : 's'}`;
  const curve = `Its loss went from ${loss[0].toPrecision(3)} to ${loss[loss.length - 1].toPrecision(3)} over ${epochs}`;
  const told = accuracy && accuracy.length > 0 ? `, and it told ${formatPercent(accuracy[accuracy.length - 1])} of the turns right in its last epoch` : '';
  return `${curve}${told}.`;
}

/** One turned image and the turn the warm-up's network gave it the highest probability. */
export interface TurnGuess {
  /** Quarter turns the image was given (0–3). */
  turn: number;
  /** The quarter turns the network guessed. */
  guess: number;
  /** Its probability of that guess. */
  probability: number;
  right: boolean;
}

/** Each rotate sample's guess (the most probable of the 4 turns); empty for samples that are not rotate's. */
export function turnGuesses(samples: WarmupSamples): TurnGuess[] {
  if (!samples.turns) return [];
  return Array.from(samples.turns, (turn, i) => {
    const row = samples.outputs.subarray(i * 4, i * 4 + 4);
    let guess = 0;
    for (let k = 1; k < 4; k++) if (row[k] > row[guess]) guess = k;
    return { turn, guess, probability: row[guess], right: guess === turn };
  });
}

/** A number of quarter turns as an angle: "0°", "90°", "180°", "270°". */
export const turnAngle = (turns: number) => `${turns * 90}°`;

/** Mean squared difference per value between two equally long arrays. */
function meanSquared(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return a.length > 0 ? sum / a.length : 0;
}

/** Under an image denoise: the squared error per pixel of the noisy copies and of the reconstructions, against the clean images. */
export function denoiseErrors(samples: WarmupSamples): { noisy: number; rebuilt: number } | null {
  if (!samples.clean) return null;
  return { noisy: meanSquared(samples.inputs, samples.clean), rebuilt: meanSquared(samples.outputs, samples.clean) };
}

/** How far the 2-D warm-up moves the lattice's points: the mean and largest move, and the lattice's width, in data units. */
export function planeMoves(samples: WarmupSamples): { points: number; mean: number; largest: number; width: number } {
  let total = 0;
  let largest = 0;
  let xMin = Infinity;
  let xMax = -Infinity;
  for (let i = 0; i < samples.count; i++) {
    const [x, y] = [samples.inputs[2 * i], samples.inputs[2 * i + 1]];
    const move = Math.hypot(samples.outputs[2 * i] - x, samples.outputs[2 * i + 1] - y);
    total += move;
    largest = Math.max(largest, move);
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
  }
  return { points: samples.count, mean: samples.count > 0 ? total / samples.count : 0, largest, width: samples.count > 0 ? xMax - xMin : 0 };
}
