import type { StateCreator } from 'zustand';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { DEFAULT_VIEW } from '../../src/config/view.ts';
import type { ConfigSlice, LabState } from './types.ts';

export function createConfigSlice(initialConfig: ExperimentConfig): StateCreator<LabState, [], [], ConfigSlice> {
  return (set) => ({
    config: initialConfig,
    linkNotes: [],
    setConfig: (config, notes) => set(notes ? { config, linkNotes: notes } : { config }),
    dismissLinkNotes: () => set({ linkNotes: [] }),
    view: DEFAULT_VIEW,
    setView: (view) => set({ view }),
  });
}
