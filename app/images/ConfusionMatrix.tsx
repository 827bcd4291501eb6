import { useMemo } from 'react';
import type { Split } from '../../src/data/types.ts';
import { formatCount, formatPercent } from '../format/percent.ts';

/** counts[truth][predicted] over the test rows. */
export function confusionCounts(truth: Int32Array, predicted: Int32Array, classes: number): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let row = 0; row < truth.length; row++) counts[truth[row]][predicted[row]]++;
  return counts;
}

/** The latest generation's test-set confusion matrix: rows are true classes, columns predicted ones. */
export function ConfusionMatrix({ split, predicted }: { split: Split; predicted: Int32Array | null }) {
  const counts = useMemo(
    () => (predicted && predicted.length === split.test.n ? confusionCounts(split.test.y, predicted, split.classNames.length) : null),
    [split, predicted],
  );
  if (!counts) return <p className="data-view__summary">The confusion matrix of the test set appears after generation 0.</p>;
  const total = counts.flat().reduce((sum, n) => sum + n, 0);
  const right = counts.reduce((sum, row, c) => sum + row[c], 0);
  // Column headers stand on end so ten long class names fit a narrow panel; the wrapper scrolls if they still do not.
  return (
    <div className="confusion-scroll">
      <table className="confusion" data-total={total}>
        <caption>
          Test set confusion matrix: {formatCount(total)} images, {formatPercent(right / total)} right (rows: true class, columns: predicted)
        </caption>
        <thead>
          <tr>
            <th scope="col">{'true \\ predicted'}</th>
            {split.classNames.map((name) => (
              <th key={name} scope="col" className="confusion__predicted">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {counts.map((row, truth) => (
            <tr key={split.classNames[truth]}>
              <th scope="row">{split.classNames[truth]}</th>
              {row.map((n, c) => (
                <td key={c} className={c === truth ? 'confusion__right' : n > 0 ? 'confusion__wrong' : undefined}>
                  {n}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
