import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { createConfigSlice } from './configSlice.ts';
import { createPinSlice } from './pinSlice.ts';
import { createRunSlice } from './runSlice.ts';
import type { LabState } from './types.ts';

/** The page's one store, built from its slices; middleware only here, on the combined store. */
export function createLabStore(initialConfig: ExperimentConfig) {
  return createStore<LabState>()(
    subscribeWithSelector((...api) => ({
      ...createConfigSlice(initialConfig)(...api),
      ...createRunSlice(...api),
      ...createPinSlice(...api),
    })),
  );
}

export type LabStore = ReturnType<typeof createLabStore>;
