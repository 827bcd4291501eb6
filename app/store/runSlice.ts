import type { StateCreator } from 'zustand';
import { createLossSeries } from './lossSeries.ts';
import { continuedRun, IDLE_RUN, reduceRunMessage, startedRun, timedRun } from './runReducer.ts';
import type { LabState, RunSlice } from './types.ts';

export const createRunSlice: StateCreator<LabState, [], [], RunSlice> = (set, get, store) => ({
  run: IDLE_RUN,
  loss: createLossSeries(),
  beginRun(runId, totalGenerations, epochsPerGeneration) {
    get().loss.clear();
    set({ run: startedRun(runId, totalGenerations, epochsPerGeneration) });
  },
  receive(message) {
    const { run } = get();
    const change = reduceRunMessage(run, message);
    if (change) set({ run: timedRun({ ...run, ...change }, performance.now()) });
  },
  failRun(message) {
    const { run } = get();
    set({ run: { ...run, status: 'error', error: message, resumable: false } });
  },
  continueRun() {
    const { run, loss } = get();
    if (run.status !== 'error' || !run.resumable) return;
    loss.keepThrough(run.results.at(-1)?.generation ?? -1);
    set({ run: continuedRun(run) });
  },
  markRunning() {
    const { run } = get();
    if (run.status === 'paused') set({ run: { ...run, status: 'running' } });
  },
  resetRun() {
    get().loss.clear();
    // Keep the run id so late messages of the cancelled run stay stale.
    set({ run: { ...store.getInitialState().run, runId: get().run.runId } });
  },
});
