import type { BackendInfo } from '../engine/backend.ts';
import type { ExperimentConfig } from '../config/schema.ts';

/** One generation's measurements. Accuracies and coverage are fractions in [0, 1]. */
export interface GenerationResult {
  /** 0 is the labelled-only model. */
  generation: number;
  testAccuracy: number;
  /** Fraction of this generation's pseudo-labels that match the true labels; null when there are none. */
  pseudoLabelAccuracy: number | null;
  /** Fraction of the pool that carries a pseudo-label this generation. */
  coverage: number;
  /** Number of pseudo-labels admitted this generation. */
  pseudoLabels: number;
  /** Pseudo-labels per predicted class. */
  perClass: number[];
  /** Mean teacher confidence over the admitted pseudo-labels (0 when none). */
  meanConfidence: number;
  /** Wall-clock seconds this generation took. */
  seconds: number;
}

/** The pseudo-labels the teacher gave the pool this generation (for the 2-D view). */
export interface PseudoLabelSnapshot {
  /** Pool row indices that were admitted. */
  indices: Int32Array;
  /** Predicted class for each admitted row. */
  labels: Int32Array;
  /** Teacher confidence for each admitted row. */
  confidence: Float32Array;
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

export type ExperimentEvent =
  /** `generations` counts the generations after generation 0 (config.gens); `epochs` is per generation. */
  | { type: 'start'; backend: BackendInfo; config: ExperimentConfig; generations: number; epochs: number }
  /** The all-labels oracle, trained before generation 0 so the chart shows its line from the start. */
  | { type: 'reference'; name: 'oracle'; testAccuracy: number }
  /** `epoch` counts from 1 to `epochs`; loss and accuracy are over that epoch's training rows. */
  | { type: 'epoch'; generation: number; epoch: number; epochs: number; loss: number; trainAccuracy: number }
  | {
      type: 'generation';
      result: GenerationResult;
      /** Pseudo-labels this generation trained on (empty for generation 0). */
      pseudo: PseudoLabelSnapshot;
      /** The trained model's decision grid, when the host asked for one. */
      grid: DecisionGrid | null;
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
  baseline: { testAccuracy: number };
  oracle: { testAccuracy: number };
  generations: GenerationResult[];
}

/** Where the host may hold or stop the loop: after every epoch and after every generation. */
export type Checkpoint = 'epoch' | 'generation';

export interface RunOptions {
  onEvent?: (event: ExperimentEvent) => void;
  signal?: AbortSignal;
  /** Awaited at each checkpoint; a host implements pause and step with it. */
  checkpoint?: (at: Checkpoint) => Promise<void>;
  /** Cells per side of the decision grid sent with each generation (0 = none). */
  gridSize?: number;
}
