import { useStore } from 'zustand';
import { defaultConfig } from '../../src/config/params.ts';
import { createLabStore } from './labStore.ts';
import type { LabState } from './types.ts';

/** The page's one store. URL sync and the worker client attach to it in main.tsx. */
export const labStore = createLabStore(defaultConfig());

/** Reads a selected part of the store and re-renders when it changes. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(labStore, selector);
}
