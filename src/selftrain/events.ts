import type { BackendInfo, ImageShape } from '../engine/backend.ts';
import type { PretextTask } from '../model/pretext.ts';
import type { ExperimentConfig } from '../config/schema.ts';
import type { Dataset } from '../data/types.ts';
import type { ModelSpec } from '../model/types.ts';
import type { LoadedImages } from '../data/images/format.ts';
import type { PopulationResult } from './population.ts';
import type { CriticResult } from './critic.ts';
import type { Recipe } from './recipe.ts';
import type { AuditResult, GateResult } from './audit.ts';
import type { DroppedStudent } from './divergence.ts';

/** One generation's measurements. Accuracies and coverage are fractions in [0, 1]. */
export interface GenerationResult {
  /** 0 is the labelled-only model. */
  generation: number;
  /** The test accuracy of the generation's model: with several students, the chosen one's. */
  testAccuracy: number;
  /** Fraction of this generation's pseudo-labels that match the true labels; null when there are none. Like coverage and perClass, it reads only pool rows with a class (src/selftrain/metrics.ts). */
  pseudoLabelAccuracy: number | null;
  /** Fraction of the pool that carries a pseudo-label this generation. */
  coverage: number;
  /** Number of pseudo-labels admitted this generation. */
  pseudoLabels: number;
  /** Pseudo-labels per predicted class. */
  perClass: number[];
  /** Of those, how many match the true label: where the teacher's mistakes are. */
  perClassRight: number[];
  /** Mean teacher confidence over the admitted pseudo-labels (0 when none). */
  meanConfidence: number;
  /** Wall-clock seconds this generation took. */
  seconds: number;
  /** With config.students > 1: every student's test accuracy and how the teacher was chosen. Absent for one student. */
  students?: PopulationResult;
  /** With config.critic=committee, from generation 1 on: what the committee vetoed, and whether it was right. Absent otherwise. */
  critic?: CriticResult;
  /**
   * With config.audit > 0: every student's audit accuracy, and the chosen one's, with an
   * interval for its true accuracy that allows for its having been picked as the best of K.
   */
  audit?: AuditResult;
  /**
   * With config.gate, from generation 1 on: whether this generation's best (the challenger)
   * replaced its teacher (the champion). A rejected generation's row is still the challenger's
   * (its accuracies, grid and predictions), but the champion teaches the next generation.
   */
  gate?: GateResult;
  /** Under search=bandit|pbt: the recipes the students tried, how each scored, and the one whose student teaches next (docs/search.md). */
  recipes?: RecipeResult;
  /** Students dropped this generation because their loss diverged (src/selftrain/divergence.ts), in the order dropped. Absent when none was. */
  dropped?: DroppedStudent[];
  /**
   * Generation 0 after a warm-up (config.pretrain): the test accuracy of its first student trained
   * the same way from its own initial weights (the run without the warm-up), and what the warm-up gained.
   */
  warmup?: { withoutTestAccuracy: number; gain: number };
}

/** The self-supervised warm-up before generation 0 (config.pretrain, src/selftrain/warmup.ts). */
export interface WarmupResult {
  task: PretextTask;
  /** Each finished epoch's mean loss: the squared error per value for denoise, the cross-entropy for rotate. */
  loss: number[];
  /** rotate: each finished epoch's share of quarter turns told right; absent for denoise. */
  accuracy?: number[];
  /** Why the warm-up stopped before its last epoch (its loss diverged); generation 0 then starts from its own initial weights. */
  stopped?: string;
}

/** What the warm-up's network makes of a few rows once trained, for the page to show. */
export interface WarmupSamples {
  task: PretextTask;
  /** The rows' image shape; null for 2-D points. */
  image: ImageShape | null;
  count: number;
  dim: number;
  /** count × dim: what the network was given (a noisy copy, a turned image; 2-D: the points of a lattice over the plane). */
  inputs: Float32Array;
  /** denoise: count × dim, its reconstructions; rotate: count × 4, its probability of each number of quarter turns. */
  outputs: Float32Array;
  /** Images under denoise: count × dim, the clean images the noisy copies came from. */
  clean?: Float32Array;
  /** rotate: the quarter turns each input was given. */
  turns?: Int32Array;
}

/** A generation's recipe search: its arms, which arm each student trained with, and each arm's score. */
export interface RecipeResult {
  /** The recipes tried this generation (the bandit's whole arm table, tried or not). */
  arms: Recipe[];
  /** Per student, the index into `arms` of its recipe. */
  student: number[];
  /** Per arm, the mean score (studentScores) of its students this generation; null for an arm no student tried. */
  scores: (number | null)[];
  /** The arm of the student that teaches next. */
  chosen: number;
}

/** The pseudo-labels the teacher gave the pool this generation (for the 2-D view). */
export interface PseudoLabelSnapshot {
  /** Pool row indices that were admitted. */
  indices: Int32Array;
  /** Predicted class for each admitted row. */
  labels: Int32Array;
  /** Teacher confidence for each admitted row. */
  confidence: Float32Array;
  /** Under a critic: the candidates it vetoed (pool rows, the teacher's class and confidence), not trained on. */
  vetoed?: { indices: Int32Array; labels: Int32Array; confidence: Float32Array };
}

/** Class probabilities of a model over a regular grid covering the 2-D data. */
export interface DecisionGrid {
  /** Cells per side. */
  size: number;
  /** [xMin, xMax, yMin, yMax] of the grid. */
  extent: [number, number, number, number];
  classes: number;
  /** size × size × classes, row-major from (xMin, yMin). */
  probabilities: Float32Array;
}

/**
 * The engine's phases that report 'progress' events: the reference models' epochs, each
 * generation's labelling pass over the pool (its rows; total 0 when an outside labeler reads
 * them all at once), its students scored on the test set (its rows, after their epochs), and with
 * several students their judging by agreement over the pool (its rows).
 */
export type ProgressPhase = 'oracle' | 'labels+audit' | 'no warm-up' | 'labelling' | 'testing' | 'judging';

/** The reference lines: the all-labels oracle, and with an audit the labelled-only model trained on the audit examples too. */
export type ReferenceName = 'oracle' | 'labels+audit';

export type ExperimentEvent =
  /** `generations` counts the generations after generation 0 (config.gens); `epochs` is per generation. */
  | { type: 'start'; backend: BackendInfo; config: ExperimentConfig; generations: number; epochs: number }
  /** The all-labels oracle, trained after generation 0 (so the first point comes early): its line arrives late. */
  | { type: 'reference'; name: ReferenceName; testAccuracy: number }
  /**
   * A long phase that has no event of its own per step: `done` of `total` steps, from 0 to
   * `total` (the oracle's epochs, the pool rows labelled; a generation's epochs are its 'epoch'
   * events). `total` 0: the phase's progress is unknown until it ends. The host
   * works out the time left from the time since `done` was 0.
   */
  | { type: 'progress'; phase: ProgressPhase; done: number; total: number }
  /** A warm-up epoch (config.pretrain), before generation 0: its mean loss, and under rotate its share of turns told right. */
  | { type: 'warmup'; epoch: number; epochs: number; loss: number; accuracy: number | null }
  /** The warm-up is over (or stopped): its result, and what its network makes of a few rows (null when it stopped, or a 2-D run has no grid). */
  | { type: 'warmup-done'; result: WarmupResult; samples: WarmupSamples | null }
  /** `epoch` counts from 1 to `epochs`; loss and accuracy are over that epoch's training rows. */
  | { type: 'epoch'; generation: number; epoch: number; epochs: number; loss: number; trainAccuracy: number }
  | {
      type: 'generation';
      result: GenerationResult;
      /** Pseudo-labels this generation trained on (empty for generation 0). */
      pseudo: PseudoLabelSnapshot;
      /** The trained (with several students, the chosen) model's decision grid, when the host asked for one. */
      grid: DecisionGrid | null;
      /** The trained model's predicted class per test row (the confusion matrix). */
      testPredictions: Int32Array;
    }
  /** `stoppedEarly`: a generation would have admitted no (row, class) pseudo-label its predecessor had not. */
  | { type: 'done'; result: ExperimentResult; stoppedEarly: boolean };

/** The whole run, as the CLI prints it with --json. */
export interface ExperimentResult {
  link: string;
  config: ExperimentConfig;
  backend: BackendInfo['kind'];
  adapter: string;
  testSize: number;
  /** Generation 0's accuracy; with an audit, `withAudit` is the same model trained on labels plus audit examples. */
  baseline: { testAccuracy: number; withAudit?: { testAccuracy: number } };
  oracle: { testAccuracy: number };
  /** With config.pretrain: the warm-up before generation 0 (generation 0's result says what it gained). */
  warmup?: WarmupResult;
  generations: GenerationResult[];
}

/** Where the host may hold or stop the loop: after every epoch and after every generation. */
export type Checkpoint = 'epoch' | 'generation';

/**
 * Everything needed to go on after a finished generation, on any backend, with the numbers an
 * uninterrupted run gives: every later generation's RNG is a fork of the seed's root, so only
 * the last model and the loop's own state carry over.
 */
export interface ResumePoint {
  /** The finished generations, 0 to the last (its `generation` is where the run goes on from). */
  generations: GenerationResult[];
  /** Null when the point came before the oracle trained (after generation 0): the resumed run trains it. */
  oracleAccuracy: number | null;
  /** The next teacher's parameters (`Network.getParameters()`): the last finished generation's model, or the champion its gate kept. */
  teacherParameters: Float32Array;
  /** The pseudo-labels the last finished generation trained on, for the early stop. */
  selection: PseudoLabelSnapshot;
  /** Under a critic: the last finished generation's students' classes over the pool (RunSession.committee). */
  committee?: Int32Array[];
  /** Under search=pbt with student=warm: every student's parameters, in student order (RunSession.lineage). */
  lineage?: Float32Array[];
  /** With config.pretrain: the warm-up's result, which the resumed run's result carries. */
  warmup?: WarmupResult;
}

/** A finished generation's trained model, for a host that exports it (as ONNX, say). */
export interface GenerationModel {
  generation: number;
  spec: ModelSpec;
  /** The model's `Network.getParameters()` (packed, laid out by src/model/layout.ts); the host's own copy. */
  parameters: Float32Array;
}

/**
 * Labels the pool with a frozen teacher outside the engine (onnxruntime on its exported file,
 * say): resolves to pool.n × classes probabilities, row-major.
 */
export type TeacherLabeler = (teacher: GenerationModel, pool: Pick<Dataset, 'x' | 'n' | 'dim'>) => Promise<Float32Array>;

/** Labels the pool with a model from outside the run (a visitor's ONNX file): pool.n × classes probabilities, row-major. */
export type PoolLabeler = (pool: Pick<Dataset, 'x' | 'n' | 'dim'>) => Promise<Float32Array>;

export interface RunOptions {
  onEvent?: (event: ExperimentEvent) => void;
  signal?: AbortSignal;
  /** Awaited at each checkpoint; a host implements pause and step with it. */
  checkpoint?: (at: Checkpoint) => Promise<void>;
  /** Cells per side of the decision grid sent with each generation (0 = none). */
  gridSize?: number;
  /**
   * Called after each generation, before its event, with the point a run can go on from.
   * A callback rather than an event: the parameters stay with the host (the worker keeps
   * the latest in memory) instead of travelling in every event it posts, and a host that
   * does not ask pays no parameter readback.
   */
  onResumePoint?: (point: ResumePoint) => void;
  /** Called after each generation, before its event, with its trained model; a callback for the same reasons as onResumePoint. */
  onModel?: (model: GenerationModel) => void;
  /** Who runs each teacher's labelling pass: this labeler, or (when absent) the engine. */
  labeler?: TeacherLabeler;
  /** Generation 0's teacher (issue 5's imported model): without it generation 0 learns from the labelled set alone. */
  firstTeacher?: PoolLabeler;
  /** Go on from this point (of a run of the same config) instead of from the start: no generations up to it, and no oracle if it had one. */
  resume?: ResumePoint;
  /** The loaded images an image experiment (data=mnist|fashion) splits; see imageRequest in src/data/images/split.ts. */
  images?: LoadedImages;
  /**
   * The recipe arms of a bandit search in place of recipeArms(config): for tests that need an
   * arm a link cannot give (a learning rate of 100, to make one arm diverge).
   */
  arms?: Recipe[];
}
