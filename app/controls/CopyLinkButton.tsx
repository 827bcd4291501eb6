import { useEffect, useState } from 'react';
import { labStore } from '../store/useLabStore.ts';
import { copyText } from '../url/copyText.ts';
import { shareUrl } from '../url/hashSync.ts';

type CopyState = 'idle' | 'copied' | 'failed';

const FEEDBACK_MS = 2500;

/** Copies the full link of this experiment and says so next to the button. */
export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>('idle');
  const [url, setUrl] = useState('');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const { config, view } = labStore.getState();
    const link = shareUrl(window.location.href, config, view);
    setUrl(link);
    setState((await copyText(link)) ? 'copied' : 'failed');
  };

  return (
    <span className="copy-link">
      <button type="button" className="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span className="copy-link__feedback" aria-live="polite">
        {state === 'copied' ? 'Copied' : ''}
      </span>
      {state === 'failed' && (
        <input className="copy-link__manual" readOnly value={url} aria-label="Link to copy by hand" onFocus={(event) => event.currentTarget.select()} autoFocus />
      )}
    </span>
  );
}
