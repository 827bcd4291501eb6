/** Class colours (Okabe-Ito, without its vermillion, which is kept for wrong pseudo-labels). */
export const CLASS_COLORS: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

export const UNLABELLED_COLOR = '#8a929e';
export const WRONG_COLOR = '#d7191c';
export const OUTLINE_COLOR = '#111827';
/** The hollow ring of a pool point with no class (trained on, never scored): the pool's grey, a ring not a dot. */
export const UNCLASSED_COLOR = '#6b7280';
/** The ring around a pseudo-label the critic vetoed: a darker grey than the pool it stays in. */
export const VETOED_COLOR = '#4b5563';

export function classColor(index: number): string {
  return CLASS_COLORS[index % CLASS_COLORS.length];
}

/** "#0072B2" -> [0, 114, 178]. */
export function hexToRgb(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}
