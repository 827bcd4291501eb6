import { expect, test } from 'vitest';
import { encodeLink } from '../../../src/config/codec.ts';
import { defaultConfig } from '../../../src/config/params.ts';
import { createLabStore } from '../../../app/store/labStore.ts';
import { shareUrl, startHashSync, type HashWindow } from '../../../app/url/hashSync.ts';

function fakeWindow(hash: string) {
  const listeners = new Set<() => void>();
  const writes: string[] = [];
  const win: HashWindow & { paste(hash: string): void; writes: string[] } = {
    location: { hash, href: `http://127.0.0.1/app/${hash}` },
    history: {
      state: null,
      replaceState(_data, _unused, url) {
        writes.push(url);
        win.location.hash = url;
      },
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    paste(next) {
      win.location.hash = next;
      listeners.forEach((listener) => listener());
    },
    writes,
  };
  return win;
}

test('reads the link on start, notes what it adjusted, and writes the canonical hash', () => {
  const store = createLabStore(defaultConfig());
  const win = fakeWindow('#data=spiral&labels=99999&bogus=1');
  startHashSync(store, win);
  expect(store.getState().config.data).toBe('spiral');
  expect(store.getState().config.labels).toBe(500);
  expect(store.getState().linkNotes.length).toBeGreaterThan(0);
  expect(win.location.hash).toBe(`#${encodeLink(store.getState().config)}`);
  expect(win.location.hash).toMatch(/^#v=1&data=spiral&/);
});

test('follows config changes with replaceState and a pasted link with hashchange, and stops', () => {
  const store = createLabStore(defaultConfig());
  const win = fakeWindow('');
  const stop = startHashSync(store, win);
  const writes = win.writes.length;
  store.getState().setConfig({ ...store.getState().config, seed: 7 });
  expect(win.writes.length).toBe(writes + 1);
  expect(win.location.hash).toContain('&seed=7&');

  win.paste('#v=1&data=xor&gens=3');
  expect(store.getState().config).toMatchObject({ data: 'xor', gens: 3 });
  expect(win.location.hash).toMatch(/^#v=1&data=xor&/);

  // A pasted link that means the current experiment keeps the config object (a run goes on).
  const before = store.getState().config;
  win.paste(`#${encodeLink(before).replace('v=1&', '')}`);
  expect(store.getState().config).toBe(before);

  stop();
  store.getState().setConfig({ ...store.getState().config, seed: 8 });
  expect(win.location.hash).not.toContain('&seed=8&');
});

test('the share URL is this page with the config as its hash', () => {
  const config = defaultConfig();
  expect(shareUrl('http://host/sub/?q=1#old', config)).toBe(`http://host/sub/?q=1#${encodeLink(config)}`);
  expect(shareUrl('http://host/', config)).toBe(`http://host/#${encodeLink(config)}`);
});

test('keeps the view keys in the hash and in the shared link, and drops hide= when the view changes', () => {
  const store = createLabStore(defaultConfig());
  const win = fakeWindow('#data=xor&goal=90&hide=training&present=1');
  startHashSync(store, win);
  expect(store.getState().view).toEqual({ present: true, hide: ['training'], goal: 90, lesson: null });
  expect(store.getState().linkNotes).toEqual([]);
  expect(win.location.hash).toBe(`#${encodeLink(store.getState().config)}&present=1&hide=training&goal=90`);
  // Editing a setting keeps them.
  store.getState().setConfig({ ...store.getState().config, seed: 9 });
  expect(win.location.hash).toMatch(/&seed=9&.*&present=1&hide=training&goal=90$/);
  const { config, view } = store.getState();
  expect(shareUrl('http://x/app/#old', config, view)).toBe(`http://x/app/#${encodeLink(config)}&present=1&hide=training&goal=90`);
  // Show all: the view loses hide=, and so does the link.
  store.getState().setView({ ...view, hide: [] });
  expect(win.location.hash).toBe(`#${encodeLink(config)}&present=1&goal=90`);
});

test('keeps the open lesson and its step in the hash as the class moves through it, and drops them when it closes', () => {
  const store = createLabStore(defaultConfig());
  const win = fakeWindow('#data=xor&step=2&lesson=critic');
  startHashSync(store, win);
  expect(store.getState().view.lesson).toEqual({ name: 'critic', step: 2 });
  const settings = encodeLink(store.getState().config);
  expect(win.location.hash).toBe(`#${settings}&lesson=critic&step=2`);
  store.getState().setView({ ...store.getState().view, lesson: { name: 'critic', step: 1 } });
  expect(win.location.hash).toBe(`#${settings}&lesson=critic&step=1`);
  store.getState().setView({ ...store.getState().view, lesson: null });
  expect(win.location.hash).toBe(`#${settings}`);
});
