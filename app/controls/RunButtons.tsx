import { showRunOnPhone } from '../layout/showRun.ts';
import { runStatusSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import type { WorkerClient } from '../worker/workerClient.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';

/**
 * Run, Pause, Step, Reset and Copy link, with text on every button. Run and Pause are
 * marked aria-disabled rather than disabled where they would do nothing, so keyboard
 * focus stays on the button just pressed (a disabled button drops it to the page).
 */
export function RunButtons({ client }: { client: WorkerClient }) {
  const status = useLab(runStatusSelector);
  const running = status === 'running';
  const start = (go: () => void) => () => {
    go();
    showRunOnPhone();
  };
  return (
    <div className="run-buttons" role="group" aria-label="Run the experiment">
      <button type="button" className="button button--primary" onClick={start(client.run)} aria-disabled={running}>
        Run
      </button>
      <button type="button" className="button" onClick={client.pause} aria-disabled={!running}>
        Pause
      </button>
      <button type="button" className="button" onClick={start(client.step)}>
        Step
      </button>
      <button type="button" className="button" onClick={client.reset}>
        Reset
      </button>
      <CopyLinkButton />
    </div>
  );
}
