import { formatPercent } from '../format/percent.ts';

/** One bar per class, labelled, its length the class's probability; the likeliest class (`top`) stands out. */
export function ProbabilityBars({ classNames, probabilities, top }: { classNames: readonly string[]; probabilities: Float32Array; top: number }) {
  return (
    <ol className="draw-pad__bars" aria-label="Class probabilities">
      {classNames.map((name, c) => (
        <li key={name} className={c === top ? 'draw-pad__bar draw-pad__bar--top' : 'draw-pad__bar'}>
          <span className="draw-pad__class">{name}</span>
          <meter min={0} max={1} value={probabilities[c]} aria-label={name} />
          <span className="draw-pad__percent">{formatPercent(probabilities[c])}</span>
        </li>
      ))}
    </ol>
  );
}
