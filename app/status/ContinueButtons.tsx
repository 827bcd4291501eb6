import { resumableSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import type { WorkerClient } from '../worker/workerClient.ts';

/** After a lost GPU device: go on from the last finished generation on a new GPU or on the CPU. */
export function ContinueButtons({ client }: { client: WorkerClient }) {
  const resumable = useLab(resumableSelector);
  if (!resumable) return null;
  return (
    <div className="run-buttons status__continue" role="group" aria-label="Continue the run">
      <button type="button" className="button button--primary" onClick={() => client.continueOn('webgpu')}>
        Continue on a new GPU
      </button>
      <button type="button" className="button" onClick={() => client.continueOn('cpu')}>
        Continue on the CPU
      </button>
    </div>
  );
}
