import { useShallow } from 'zustand/react/shallow';
import { chanceNote } from '../format/chanceNote.ts';
import { RUN_STATUS_ID } from '../layout/showRun.ts';
import { backendText, isFallback, statusText } from '../format/statusText.ts';
import { chanceInputsSelector, labelerSelector, progressSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import type { WorkerClient } from '../worker/workerClient.ts';
import { ContinueButtons } from './ContinueButtons.tsx';
import { PhaseProgress } from './PhaseProgress.tsx';

/**
 * What the run is doing, announced politely to screen readers; follows epochs a few times a
 * second. A run stopped by a lost GPU device offers to go on (ContinueButtons).
 */
export function StatusLine({ client }: { client: WorkerClient }) {
  const progress = useLab(useShallow(progressSelector));
  const backend = backendText(progress.backend);
  const fallback = isFallback(progress.backend);
  const labeler = useLab(labelerSelector);
  const chance = useLab(useShallow(chanceInputsSelector));
  const chanceLine = chanceNote(chance);
  return (
    <div id={RUN_STATUS_ID} className={`status status--${progress.status}`} role="status">
      <p className="status__text">{statusText(progress)}</p>
      <PhaseProgress />
      <ContinueButtons client={client} />
      <p className={fallback ? 'status__backend status__backend--fallback' : 'status__backend'}>{backend || 'Training runs in a background worker, on the CPU or the GPU.'}</p>
      {labeler && (
        <p className={labeler.fallback ? 'status__detail status__detail--fallback' : 'status__detail'} data-labeler={labeler.name}>
          {labeler.text}
        </p>
      )}
      {labeler?.teacher && <p className="status__detail">Generation 0&rsquo;s teacher: {labeler.teacher}</p>}
      {chanceLine && (
        <p className="status__detail status__detail--fallback" data-testid="chance-note">
          {chanceLine}
        </p>
      )}
    </div>
  );
}
