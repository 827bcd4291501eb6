import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { LabStore } from '../store/labStore.ts';

/** The window parts hash sync touches (a fake stands in for it in tests). */
export interface HashWindow {
  location: { hash: string; href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** The full address of an experiment: this page with the config as its hash. */
export function shareUrl(href: string, config: ExperimentConfig): string {
  const hash = href.indexOf('#');
  return `${hash < 0 ? href : href.slice(0, hash)}#${encodeLink(config)}`;
}

/**
 * The one place that reads and writes the URL. Reads the hash now and on every
 * `hashchange` (a pasted link), with the decoder's notes shown in the page; writes the
 * canonical hash whenever the config changes, with `replaceState`, so edits add no
 * history entries. Returns the function that stops it.
 */
export function startHashSync(store: LabStore, win: HashWindow): () => void {
  const write = (config: ExperimentConfig) => {
    const hash = `#${encodeLink(config)}`;
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  };
  const read = () => {
    const { config, notes } = decodeLink(win.location.hash);
    const state = store.getState();
    // An unchanged experiment keeps its config object, so a running experiment goes on.
    const same = encodeLink(config) === encodeLink(state.config);
    state.setConfig(same ? state.config : config, notes);
    // A link that was adjusted, or written differently, shows its canonical form.
    write(store.getState().config);
  };
  read();
  const unsubscribe = store.subscribe((state) => state.config, write);
  win.addEventListener('hashchange', read);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', read);
  };
}
