import { useShallow } from 'zustand/react/shallow';
import { backendText, isFallback, statusText } from '../format/statusText.ts';
import { progressSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';

/** What the run is doing, announced politely to screen readers; follows epochs a few times a second. */
export function StatusLine() {
  const progress = useLab(useShallow(progressSelector));
  const backend = backendText(progress.backend);
  const fallback = isFallback(progress.backend);
  return (
    <div className={`status status--${progress.status}`} role="status">
      <p className="status__text">{statusText(progress)}</p>
      <p className={fallback ? 'status__backend status__backend--fallback' : 'status__backend'}>{backend || 'Training runs in a background worker, on the CPU or the GPU.'}</p>
    </div>
  );
}
