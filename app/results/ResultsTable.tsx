import { formatCount, formatPercent } from '../format/percent.ts';
import { resultsSelector, stoppedEarlySelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';

/** One row per generation; also the text alternative of the accuracy chart. */
export function ResultsTable({ id }: { id: string }) {
  const results = useLab(resultsSelector);
  const stoppedEarly = useLab(stoppedEarlySelector);
  const last = results.at(-1)?.generation ?? 0;
  return (
    // A region, because on a narrow screen it scrolls sideways and takes keyboard focus.
    <div className="results" role="region" aria-labelledby={`${id}-caption`}>
      <table id={id} className="results__table">
        <caption id={`${id}-caption`}>Generations</caption>
        <thead>
          <tr>
            <th scope="col">Generation</th>
            <th scope="col">Test accuracy</th>
            <th scope="col">Pseudo-label accuracy</th>
            <th scope="col">Coverage</th>
            <th scope="col">Pseudo-labels</th>
          </tr>
        </thead>
        <tbody>
          {results.map((row) => (
            <tr key={row.generation}>
              <th scope="row">{row.generation}</th>
              <td>{formatPercent(row.testAccuracy)}</td>
              <td>{formatPercent(row.pseudoLabelAccuracy)}</td>
              <td>{formatPercent(row.coverage)}</td>
              <td>{formatCount(row.pseudoLabels)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {results.length === 0 && <p className="results__note">No generations yet: press Run, or Step for one generation at a time.</p>}
      {stoppedEarly && (
        <p className="results__note">
          Stopped early: generation {last + 1} would have admitted no new pseudo-labels, so it would have trained on the same data as
          generation {last}.
        </p>
      )}
    </div>
  );
}
