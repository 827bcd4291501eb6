import type { ChanceInputs } from '../format/chanceNote.ts';
import { DATASETS } from '../../src/data/datasets.ts';
import { pinLabel } from '../pins/pins.ts';
import type { PhaseProgress } from '../format/progressText.ts';
import { runPhase } from './runReducer.ts';
import type { LabState } from './types.ts';

/** Module-level selectors: stable identities, so components re-render only when their slice of state changes. */
export const configSelector = (state: LabState) => state.config;
export const datasetSelector = (state: LabState) => state.config.data;
export const linkNotesSelector = (state: LabState) => state.linkNotes;
export const viewSelector = (state: LabState) => state.view;
export const presentSelector = (state: LabState) => state.view.present;
export const hideSelector = (state: LabState) => state.view.hide;
export const goalSelector = (state: LabState) => state.view.goal;
export const runStatusSelector = (state: LabState) => state.run.status;
/** The run stopped on a lost GPU device and can go on. */
export const resumableSelector = (state: LabState) => state.run.status === 'error' && state.run.resumable;
export const resultsSelector = (state: LabState) => state.run.results;
export const modelsSelector = (state: LabState) => state.run.models;
export const stoppedEarlySelector = (state: LabState) => state.run.stoppedEarly;
export const gridSelector = (state: LabState) => state.run.grid;
export const pseudoSelector = (state: LabState) => state.run.pseudo;
export const testPredictionsSelector = (state: LabState) => state.run.testPredictions;
export const labelerSelector = (state: LabState) => state.run.labeler;
export const lossSeriesSelector = (state: LabState) => state.loss;
/** The run's warm-up (null without one). */
export const warmupSelector = (state: LabState) => state.run.warmup;
/**
 * The warm-up task the loss chart makes room for: the run's once it has started (a run going on
 * after a lost device keeps its own), else the config's; null without one.
 */
export const lossWarmupTaskSelector = (state: LabState) => (state.run.status === 'idle' ? (state.config.pretrain === 'none' ? null : state.config.pretrain) : (state.run.warmup?.task ?? null));
/** Students per generation of the run on show (1 before a run starts). */
export const studentsSelector = (state: LabState) => state.run.trainedWith?.students ?? 1;
/** Audit examples of the run on show (0: none). */
export const auditSizeSelector = (state: LabState) => state.run.trainedWith?.audit ?? 0;
/** The run on show ran with the gate (champion and challenger). */
export const gateSelector = (state: LabState) => state.run.trainedWith?.gate ?? false;
/** The results on show were made with a critic (critic=committee). */
export const criticSelector = (state: LabState) => state.run.trainedWith?.critic === 'committee';
/** The config's own recipe when the results on show were made with a recipe search (search=bandit|pbt); null without one. */
export const searchRecipeSelector = (state: LabState) => (state.run.trainedWith && state.run.trainedWith.search !== 'off' ? state.run.trainedWith.recipe : null);

/** What the status line shows (picked with useShallow). */
export const progressSelector = (state: LabState) => ({
  status: state.run.status,
  generation: state.run.generation,
  epoch: state.run.epoch,
  totalGenerations: state.run.totalGenerations || state.config.gens,
  lastGeneration: state.run.results.length ? state.run.results[state.run.results.length - 1].generation : -1,
  stoppedEarly: state.run.stoppedEarly,
  oracleTraining: state.run.phase?.name === 'oracle',
  warmingUp: state.run.warmup && !state.run.warmup.result ? state.run.warmup.task : null,
  backend: state.run.backend,
  error: state.run.error,
});

/** What the accuracy chart plots. */
export const accuracyInputsSelector = (state: LabState) => ({
  results: state.run.results,
  baseline: state.run.baseline,
  oracle: state.run.oracle,
  withAudit: state.run.withAudit,
  totalGenerations: state.run.totalGenerations || state.config.gens,
  pins: state.pins,
});

/** Each pinned run's label: the settings in which it differs from the experiment on screen. */
export const pinLabelsSelector = (state: LabState): string[] => state.pins.map((pin) => pinLabel(pin, state.config));

/**
 * What the chance-level note needs (picked with useShallow): generation 0's and the oracle's test
 * accuracy, the run's classes and learning rate, and from the config on screen (a new config
 * ends the run) its hidden widths and its dataset's tuned preset.
 */
export const chanceInputsSelector = (state: LabState): ChanceInputs => ({
  accuracy: state.run.results.find((result) => result.generation === 0)?.testAccuracy ?? null,
  oracle: state.run.oracle,
  classes: state.run.trainedWith?.classes ?? 0,
  lr: state.run.trainedWith?.lr ?? 0,
  hidden: state.config.hidden.join(','),
  preset: DATASETS[state.config.data].preset,
});

/** The current phase's progress and the seconds left, flat for useShallow; kind null when no phase runs. */
export const phaseProgressSelector = (state: LabState): (PhaseProgress | { kind: null }) & { secondsLeft: number | null } => ({
  ...(runPhase(state.run, DATASETS[state.config.data].title, DATASETS[state.config.data].kind === 'images' ? 'images' : 'points') ?? { kind: null }),
  secondsLeft: state.run.secondsLeft,
});
