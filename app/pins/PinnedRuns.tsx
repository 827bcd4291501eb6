import { useShallow } from 'zustand/react/shallow';
import { pinLabelsSelector, runStatusSelector } from '../store/selectors.ts';
import { labStore, useLab } from '../store/useLabStore.ts';
import { MAX_PINS } from './pins.ts';

/**
 * Pin keeps a finished run on the accuracy chart as a ghost line (and as a column of the
 * Generations table), up to MAX_PINS, across reloads; each is labelled by the settings in which
 * it differs from the experiment on screen, so a class can change one setting and compare.
 */
export function PinnedRuns() {
  const status = useLab(runStatusSelector);
  const hasResults = useLab((state) => state.run.results.length > 0);
  const labels = useLab(useShallow(pinLabelsSelector));
  const note = useLab((state) => state.pinNote);
  const { pinRun, unpin } = labStore.getState();
  const canPin = status === 'done' && hasResults;
  return (
    <section className="pins" aria-labelledby="pins-title">
      <h2 id="pins-title" className="pins__title">
        Runs side by side
      </h2>
      <p className="field__help">
        Pin a finished run to keep it on the chart as a ghost line (up to {MAX_PINS}, kept in this browser), then change one setting and run again.
      </p>
      <button type="button" className="button" onClick={pinRun} aria-disabled={!canPin} disabled={!canPin}>
        Pin this run
      </button>
      {note && (
        <p className="status__detail status__detail--fallback" role="alert">
          {note}
        </p>
      )}
      {labels.length > 0 && (
        <ul className="pins__list">
          {labels.map((label, i) => (
            <li key={i} className="pins__item" data-testid="pinned-run">
              <span>
                Pinned run {i + 1}: {label}
              </span>{' '}
              <button type="button" className="button button--small" onClick={() => unpin(i)} aria-label={`Unpin run ${i + 1} (${label})`}>
                Unpin
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
