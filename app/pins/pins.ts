import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';

/** A finished run kept for comparison: its link and its test accuracy per generation. */
export interface PinnedRun {
  /** The experiment's link (its settings only, no view keys). */
  link: string;
  /** Test accuracy of generation 0, 1, ... (null where a generation has none). */
  testAccuracy: (number | null)[];
  /** The all-labels oracle's test accuracy, when the run measured it. */
  oracle: number | null;
}

/** Runs kept at most: more ghost lines than this would hide the run on screen. */
export const MAX_PINS = 3;

/** Where the pins live in the browser's storage, across reloads. */
export const PINS_STORAGE_KEY = 'autodidact:pins:v1';

/** The settings of `link` as key → value text, in link order. */
function settings(link: string): Map<string, string> {
  return new Map(link.split('&').map((pair) => pair.split('=') as [string, string]));
}

/** The settings in which `pin` differs from `current`, as "lr=0.01": what tells its ghost line apart. */
export function pinDifferences(pin: PinnedRun, current: ExperimentConfig): string[] {
  const mine = settings(pin.link);
  const now = settings(encodeLink(current));
  return [...mine].filter(([key, value]) => now.get(key) !== value).map(([key, value]) => `${key}=${value}`);
}

/** A pin's label: up to three of its differences ("lr=0.01, seed=3, +2 more"), or "same settings". */
export function pinLabel(pin: PinnedRun, current: ExperimentConfig): string {
  const differences = pinDifferences(pin, current);
  if (differences.length === 0) return 'same settings';
  const shown = differences.slice(0, 3).join(', ');
  return differences.length > 3 ? `${shown}, +${differences.length - 3} more` : shown;
}

const isAccuracy = (value: unknown): value is number | null => value === null || (typeof value === 'number' && value >= 0 && value <= 1);

/**
 * The pins stored under PINS_STORAGE_KEY: whatever is there that is not a list of pinned runs
 * with valid links and accuracies (a damaged or older entry) is left out, never thrown.
 */
export function parsePins(text: string | null): PinnedRun[] {
  if (!text) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .filter((pin): pin is PinnedRun => {
      if (typeof pin !== 'object' || pin === null) return false;
      const { link, testAccuracy, oracle } = pin as Record<string, unknown>;
      return typeof link === 'string' && decodeLink(link).notes.length === 0 && Array.isArray(testAccuracy) && testAccuracy.every(isAccuracy) && isAccuracy(oracle);
    })
    .map(({ link, testAccuracy, oracle }) => ({ link: encodeLink(decodeLink(link).config), testAccuracy, oracle }))
    .slice(0, MAX_PINS);
}
