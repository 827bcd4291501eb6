import { runStatusSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import type { WorkerClient } from '../worker/workerClient.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';

/** Run, Pause, Step, Reset and Copy link: text on every button, disabled only where it would do nothing. */
export function RunButtons({ client }: { client: WorkerClient }) {
  const status = useLab(runStatusSelector);
  const running = status === 'running';
  return (
    <div className="run-buttons" role="group" aria-label="Run the experiment">
      <button type="button" className="button button--primary" onClick={client.run} disabled={running}>
        Run
      </button>
      <button type="button" className="button" onClick={client.pause} disabled={!running}>
        Pause
      </button>
      <button type="button" className="button" onClick={client.step}>
        Step
      </button>
      <button type="button" className="button" onClick={client.reset}>
        Reset
      </button>
      <CopyLinkButton />
    </div>
  );
}
