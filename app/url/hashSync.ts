import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { ViewOptions } from '../../src/config/view.ts';
import type { LabStore } from '../store/labStore.ts';

/** The window parts hash sync touches (a fake stands in for it in tests). */
export interface HashWindow {
  location: { hash: string; href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** The full address of an experiment: this page with the config, and the view keys that differ from the default, as its hash. */
export function shareUrl(href: string, config: ExperimentConfig, view?: ViewOptions): string {
  const hash = href.indexOf('#');
  return `${hash < 0 ? href : href.slice(0, hash)}#${encodeLink(config, view)}`;
}

/**
 * The one place that reads and writes the URL. Reads the hash now and on every
 * `hashchange` (a pasted link), with the decoder's notes shown in the page; writes the
 * canonical hash whenever the config or the view changes, with `replaceState`, so edits add no
 * history entries. Returns the function that stops it.
 */
export function startHashSync(store: LabStore, win: HashWindow): () => void {
  const write = () => {
    const { config, view } = store.getState();
    const hash = `#${encodeLink(config, view)}`;
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  };
  const read = () => {
    const { config, view, notes } = decodeLink(win.location.hash);
    const state = store.getState();
    state.setView(view);
    // An unchanged experiment keeps its config object, so a running experiment goes on.
    const same = encodeLink(config) === encodeLink(state.config);
    state.setConfig(same ? state.config : config, notes);
    // A link that was adjusted, or written differently, shows its canonical form.
    write();
  };
  read();
  const unsubscribeConfig = store.subscribe((state) => state.config, write);
  const unsubscribeView = store.subscribe((state) => state.view, write);
  win.addEventListener('hashchange', read);
  return () => {
    unsubscribeConfig();
    unsubscribeView();
    win.removeEventListener('hashchange', read);
  };
}
