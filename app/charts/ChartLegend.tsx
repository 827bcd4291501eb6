import type { CSSProperties } from 'react';

export interface LegendEntry {
  label: string;
  color: string;
  /** A line's stroke, `band` for a filled area, `marker` for a ring around a point. */
  style: 'solid' | 'dashed' | 'dotted' | 'band' | 'marker';
}

/** A static legend: line samples drawn in CSS, so it never changes size while a run goes. */
export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="chart__legend">
      {entries.map((entry) => (
        <li key={entry.label}>
          <span className={`chart__swatch${entry.style === 'band' || entry.style === 'marker' ? ` chart__swatch--${entry.style}` : ''}`} style={swatchStyle(entry)} aria-hidden="true" />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

function swatchStyle(entry: LegendEntry): CSSProperties {
  if (entry.style === 'band') return { backgroundColor: entry.color };
  if (entry.style === 'marker') return { borderColor: entry.color };
  return { borderTopColor: entry.color, borderTopStyle: entry.style };
}
