export interface LegendEntry {
  label: string;
  color: string;
  style: 'solid' | 'dashed' | 'dotted';
}

/** A static legend: line samples drawn in CSS, so it never changes size while a run goes. */
export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="chart__legend">
      {entries.map((entry) => (
        <li key={entry.label}>
          <span className="chart__swatch" style={{ borderTopColor: entry.color, borderTopStyle: entry.style }} aria-hidden="true" />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
