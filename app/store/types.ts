import type { ExperimentConfig } from '../../src/config/schema.ts';
import type { ViewOptions } from '../../src/config/view.ts';
import type { WorkerMessage } from '../../src/worker/protocol.ts';
import type { PinnedRun } from '../pins/pins.ts';
import type { LossSeries } from './lossSeries.ts';
import type { RunData } from './runReducer.ts';

/** The experiment being edited, and what the link it came from needed adjusting. */
export interface ConfigSlice {
  config: ExperimentConfig;
  /** Notes from decoding the link ("labels: 5000 is above the maximum 1000; using 1000"). */
  linkNotes: string[];
  /** Sets an already validated config; `notes` replaces the link notes when given. */
  setConfig(config: ExperimentConfig, notes?: string[]): void;
  dismissLinkNotes(): void;
  /** How the page shows the experiment (presenter mode, hidden controls, a goal): in the link, never in the run. */
  view: ViewOptions;
  setView(view: ViewOptions): void;
}

/** The run in the worker, as its messages describe it. */
export interface RunSlice {
  run: RunData;
  /** Per-epoch loss, a transient channel: the loss chart subscribes to it, React does not. */
  loss: LossSeries;
  /** Forgets the previous run and listens to run `runId`. */
  beginRun(runId: number, totalGenerations: number, epochsPerGeneration: number): void;
  /** Applies one worker message; a stale run's message changes nothing. */
  receive(message: WorkerMessage): void;
  /** Shows `message` as the run's error (a worker that failed to load or crashed). */
  failRun(message: string): void;
  /** The page asked a run stopped by a lost device to go on: results stay, later epochs' losses go. */
  continueRun(): void;
  /** The page asked a paused run to go on (resume or step). */
  markRunning(): void;
  /** Clears the run and its results; the config stays. */
  resetRun(): void;
}

/** Finished runs kept side by side (up to MAX_PINS), in the browser's storage across reloads. */
export interface PinSlice {
  pins: PinnedRun[];
  /** Why the last pin or unpin could not do all it was asked (the limit, a storage that refused); null when it did. */
  pinNote: string | null;
  /** Keeps the finished run on screen as a ghost line; nothing while it runs. */
  pinRun(): void;
  unpin(index: number): void;
}

export type LabState = ConfigSlice & RunSlice & PinSlice;
