import { useShallow } from 'zustand/react/shallow';
import { progressText } from '../format/progressText.ts';
import { phaseProgressSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';

/**
 * One progress bar for the phase the run is in (images, the oracle, a labelling pass, judging, a
 * generation's epochs), with the time left at the pace so far; a screen reader reads it as a
 * progressbar with its value. A phase of unknown length (total 0: an outside labeler's pass) is
 * an indeterminate bar, still named.
 */
export function PhaseProgress() {
  const { secondsLeft, ...phase } = useLab(useShallow(phaseProgressSelector));
  if (phase.kind === null) return null;
  const text = progressText(phase, secondsLeft);
  const known = phase.total > 0;
  return (
    <div className="status__progress">
      <progress
        className="status__bar"
        role="progressbar"
        aria-label={text}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? phase.total : undefined}
        aria-valuenow={known ? phase.done : undefined}
        max={known ? phase.total : undefined}
        value={known ? phase.done : undefined}
      />
      {/* The bar's label already says it to a screen reader. */}
      <span className="status__progress-text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
