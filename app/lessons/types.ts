import type { LessonName } from '../../src/config/lessonNames.ts';

/** One answer to a step's question. */
export interface Choice {
  text: string;
  /** Exactly one choice of a question is right. */
  right?: true;
}

/** One step of a lesson: look, predict, run, read what happened, try one change. */
export interface LessonStep {
  title: string;
  /** What to look at on the page before pressing Run. */
  lookAt: string;
  /** The experiment the step runs: a preset's link, possibly with a setting or two changed (presetLink). */
  link: string;
  /** The prediction asked before the run. */
  question: string;
  choices: readonly Choice[];
  /** Why the right choice is right, shown after the run beside the class's pick. */
  why: string;
  /** What the run showed, and the idea behind it. */
  explanation: string;
  /** One change to try after the run. */
  tryThis: string;
}

/** For the teacher: time, what to discuss, and the predictions classes commonly get wrong. */
export interface TeacherNotes {
  minutes: number;
  discuss: readonly string[];
  wrongPredictions: readonly string[];
}

export interface Lesson {
  name: LessonName;
  title: string;
  /** One sentence: what the lesson is about. */
  summary: string;
  steps: readonly LessonStep[];
  notes: TeacherNotes;
}
