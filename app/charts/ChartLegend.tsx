export interface LegendEntry {
  label: string;
  color: string;
  /** A line's stroke, or `band` for a filled area. */
  style: 'solid' | 'dashed' | 'dotted' | 'band';
}

/** A static legend: line samples drawn in CSS, so it never changes size while a run goes. */
export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="chart__legend">
      {entries.map((entry) => (
        <li key={entry.label}>
          <span
            className={entry.style === 'band' ? 'chart__swatch chart__swatch--band' : 'chart__swatch'}
            style={entry.style === 'band' ? { backgroundColor: entry.color } : { borderTopColor: entry.color, borderTopStyle: entry.style }}
            aria-hidden="true"
          />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
