/** A fraction as a percentage with one decimal ("87.3%"), or "—" when there is none. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A whole number with thousands separators ("1,024"). */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}
