import { classColor, OUTLINE_COLOR, UNCLASSED_COLOR, UNLABELLED_COLOR, VETOED_COLOR, WRONG_COLOR } from './palette.ts';

/**
 * Class colours and what each kind of mark means; `critic`: the run has one, so its ring is
 * explained; `unclassed`: the pool has points without a class, so their ring is.
 */
export function DataLegend({ classNames, critic, unclassed }: { classNames: readonly string[]; critic: boolean; unclassed: boolean }) {
  return (
    <ul className="data-legend">
      {classNames.map((name, index) => (
        <li key={name}>
          <span className="data-legend__dot data-legend__dot--class" style={{ background: classColor(index) }} aria-hidden="true" />
          {name}
        </li>
      ))}
      <li>
        <span className="data-legend__dot data-legend__dot--labelled" style={{ borderColor: OUTLINE_COLOR }} aria-hidden="true" />
        labelled
      </li>
      <li>
        <span className="data-legend__dot data-legend__dot--pool" style={{ background: UNLABELLED_COLOR }} aria-hidden="true" />
        unlabelled
      </li>
      {unclassed && (
        <li>
          <span className="data-legend__dot data-legend__dot--unclassed" style={{ borderColor: UNCLASSED_COLOR }} aria-hidden="true" />
          no class (not scored)
        </li>
      )}
      <li>
        <span className="data-legend__dot data-legend__dot--pseudo" aria-hidden="true" />
        pseudo-label
      </li>
      <li>
        <span className="data-legend__cross" style={{ color: WRONG_COLOR }} aria-hidden="true">
          ×
        </span>
        wrong pseudo-label
      </li>
      {critic && (
        <li>
          <span className="data-legend__dot data-legend__dot--vetoed" style={{ borderColor: VETOED_COLOR }} aria-hidden="true" />
          vetoed by the critic
        </li>
      )}
    </ul>
  );
}
