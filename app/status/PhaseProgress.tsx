import { useShallow } from 'zustand/react/shallow';
import { progressText } from '../format/progressText.ts';
import { phaseProgressSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';

/**
 * One progress bar for the phase the run is in (images, the oracle, a generation's epochs),
 * with the time left at the pace so far; a screen reader reads it as a progressbar with its value.
 */
export function PhaseProgress() {
  const { secondsLeft, ...phase } = useLab(useShallow(phaseProgressSelector));
  if (phase.kind === null) return null;
  const text = progressText(phase, secondsLeft);
  const total = Math.max(phase.total, 1);
  return (
    <div className="status__progress">
      <progress
        className="status__bar"
        role="progressbar"
        aria-label={text}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={phase.done}
        max={total}
        value={phase.done}
      />
      {/* The bar's label already says it to a screen reader. */}
      <span className="status__progress-text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
