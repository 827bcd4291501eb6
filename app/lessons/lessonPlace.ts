import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import type { LessonName } from '../../src/config/lessonNames.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { labStore } from '../store/useLabStore.ts';
import type { LessonStep } from './types.ts';

/**
 * The experiment a step runs, on the backend the page is set to: a class that chose the CPU
 * keeps it from step to step, and the backend changes no number a lesson talks about.
 */
export function stepConfig(step: LessonStep, current: ExperimentConfig): ExperimentConfig {
  return { ...decodeLink(step.link).config, backend: current.backend };
}

/** Whether `config` is the step's experiment (on any backend). */
export function isStepConfig(step: LessonStep, config: ExperimentConfig): boolean {
  return encodeLink(stepConfig(step, config)) === encodeLink(config);
}

/** Sets the page to the step's experiment, unless it already is (so a finished run stays on show). */
export function loadStep(step: LessonStep): void {
  const { config, setConfig } = labStore.getState();
  if (!isStepConfig(step, config)) setConfig(stepConfig(step, config), []);
}

/** Opens lesson `name` at `step` (1-based) in the view, and so in the link; null closes the lesson. */
export function openLesson(name: LessonName | null, step = 1): void {
  const { view, setView } = labStore.getState();
  setView({ ...view, lesson: name === null ? null : { name, step } });
}
