import type { StateCreator } from 'zustand';
import { encodeLink } from '../../src/config/codec.ts';
import { MAX_PINS, parsePins, PINS_STORAGE_KEY, type PinnedRun } from '../pins/pins.ts';
import type { LabState, PinSlice } from './types.ts';

/** The browser's storage where there is one (not in Node's tests of the store): reading or writing it may throw (private modes, quotas). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function save(pins: PinnedRun[]): string | null {
  try {
    storage()?.setItem(PINS_STORAGE_KEY, JSON.stringify(pins));
    return null;
  } catch {
    return 'The browser would not store the pinned runs: they last until this page is closed.';
  }
}

/** Pinned runs, read from the browser's storage when the store is made and written back on each change. */
export const createPinSlice: StateCreator<LabState, [], [], PinSlice> = (set, get) => ({
  pins: (() => {
    try {
      return parsePins(storage()?.getItem(PINS_STORAGE_KEY) ?? null);
    } catch {
      return [];
    }
  })(),
  pinNote: null,
  pinRun() {
    const { run, config, pins } = get();
    if (run.status !== 'done' || run.results.length === 0) return;
    if (pins.length >= MAX_PINS) {
      set({ pinNote: `Up to ${MAX_PINS} runs can be pinned: unpin one to pin this run.` });
      return;
    }
    const last = Math.max(...run.results.map((row) => row.generation));
    const testAccuracy = Array.from({ length: last + 1 }, (_, g) => run.results.find((row) => row.generation === g)?.testAccuracy ?? null);
    const next = [...pins, { link: encodeLink(config), testAccuracy, oracle: run.oracle }];
    set({ pins: next, pinNote: save(next) });
  },
  unpin(index) {
    const next = get().pins.filter((_, i) => i !== index);
    set({ pins: next, pinNote: save(next) });
  },
});
