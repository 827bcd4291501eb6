/**
 * How the page shows an experiment, as opposed to what the experiment is: presenter mode,
 * controls hidden for an assignment, an accuracy goal, the guided lesson on show. These keys travel
 * in the same link (`...&seed=42&present=1&hide=model,training&goal=90&lesson=critic&step=2`) but live outside ExperimentConfig,
 * so they never change a number, and the CLI reads such a link like any other.
 */
import { isLessonName, LESSON_NAMES, LESSON_STEPS, type LessonName } from './lessonNames.ts';
import { PARAM_GROUP_NAMES, PARAMS, type ParamGroup, type ParamKey } from './params.ts';
import { showValue } from './validate.ts';

export interface ViewOptions {
  /** Presenter mode: the views first, large type and thick lines, the settings in a drawer. */
  present: boolean;
  /** Groups of controls (PARAM_GROUP_NAMES, or `presets` for the preset menu) and single controls (a param key) to hide. */
  hide: readonly string[];
  /** Target test accuracy in percent, (0, 100]; null for none. */
  goal: number | null;
  /** The guided lesson open, at a step (1-based); null for none. */
  lesson: LessonPlace | null;
}

export interface LessonPlace {
  name: LessonName;
  step: number;
}

export const VIEW_KEYS = ['present', 'hide', 'goal', 'lesson', 'step'] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];

export const DEFAULT_VIEW: ViewOptions = { present: false, hide: [], goal: null, lesson: null };

/** The preset menu: not a param, but a control a focused task may hide. */
export const PRESETS_TARGET = 'presets';

/** What `hide=` may name: a group (which wins where a group and a control share a name: data, model), the preset menu, or one control. */
export const HIDE_TARGETS: readonly string[] = [
  ...PARAM_GROUP_NAMES,
  PRESETS_TARGET,
  ...PARAMS.filter((param) => !param.internal && !(PARAM_GROUP_NAMES as readonly string[]).includes(param.key)).map((param) => param.key),
];

/** Most `hide=` names read (room for every target twice); more are dropped with a note. */
const MAX_HIDE = 2 * HIDE_TARGETS.length;

export function isViewKey(key: string): key is ViewKey {
  return (VIEW_KEYS as readonly string[]).includes(key);
}

/**
 * The view a link's view keys describe. Never throws: a bad value is ignored (the default
 * stays) with a note, like a bad experiment value.
 */
export function validateView(raw: Readonly<Partial<Record<ViewKey, string>>>): { view: ViewOptions; notes: string[] } {
  const notes: string[] = [];
  return {
    view: {
      present: readPresent(raw.present, notes),
      hide: readHide(raw.hide, notes),
      goal: readGoal(raw.goal, notes),
      lesson: readLesson(raw.lesson, raw.step, notes),
    },
    notes,
  };
}

/** The view keys that differ from the default, as `present=1&hide=model,lr&goal=90&lesson=audit&step=1` (empty when none do). */
export function encodeView(view: ViewOptions): string {
  const pieces: string[] = [];
  if (view.present) pieces.push('present=1');
  if (view.hide.length > 0) pieces.push(`hide=${view.hide.join(',')}`);
  if (view.goal !== null) pieces.push(`goal=${view.goal}`);
  if (view.lesson !== null) pieces.push(`lesson=${view.lesson.name}&step=${view.lesson.step}`);
  return pieces.join('&');
}

/** Whether `hide` hides the control `name` (a param key, or the preset menu) of group `group`: by the group or by its own name. */
export function isHidden(hide: readonly string[], name: ParamKey | typeof PRESETS_TARGET, group?: ParamGroup): boolean {
  return hide.includes(name) || (group !== undefined && hide.includes(group));
}

function readPresent(raw: string | undefined, notes: string[]): boolean {
  if (raw === undefined) return false;
  const word = raw.trim().toLowerCase();
  // A bare `present` turns it on.
  if (['1', 'true', 'yes', 'on', ''].includes(word)) return true;
  if (!['0', 'false', 'no', 'off'].includes(word)) notes.push(`present=${showValue(raw)} is not 0 or 1; ignored`);
  return false;
}

function readHide(raw: string | undefined, notes: string[]): string[] {
  if (raw === undefined) return [];
  const names = raw.split(',', MAX_HIDE + 1);
  if (names.length > MAX_HIDE) notes.push(`hide= names more than ${MAX_HIDE} controls; only the first ${MAX_HIDE} were read`);
  const hide: string[] = [];
  const unknown: string[] = [];
  for (const name of names.slice(0, MAX_HIDE).map((item) => item.trim().toLowerCase())) {
    if (name === '') continue;
    if (!HIDE_TARGETS.includes(name)) unknown.push(name);
    else if (!hide.includes(name)) hide.push(name);
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).map((name) => `"${showValue(name)}"`).join(', ');
    notes.push(`hide= names ${shown}, not a group (${[...PARAM_GROUP_NAMES, PRESETS_TARGET].join(', ')}) or a setting; ignored`);
  }
  return hide;
}

function readGoal(raw: string | undefined, notes: string[]): number | null {
  if (raw === undefined) return null;
  const text = raw.trim().replace(/%$/, '');
  const value = /^(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (value > 0 && value <= 100) return Number(value.toPrecision(4));
  notes.push(`goal=${showValue(raw)} is not an accuracy from 0 to 100 (a percent, e.g. goal=90); ignored`);
  return null;
}

/** The lesson and step a link opens: step 1 when the step is missing; a bad step falls back to 1, a step past the end to the last. */
function readLesson(rawName: string | undefined, rawStep: string | undefined, notes: string[]): LessonPlace | null {
  if (rawName === undefined) {
    if (rawStep !== undefined) notes.push(`step=${showValue(rawStep)} needs a lesson= to go with it; ignored`);
    return null;
  }
  const name = rawName.trim().toLowerCase();
  if (!isLessonName(name)) {
    notes.push(`lesson=${showValue(rawName)} is not a lesson (${LESSON_NAMES.join(', ')}); ignored`);
    return null;
  }
  if (rawStep === undefined) return { name, step: 1 };
  const steps = LESSON_STEPS[name];
  const step = /^\s*\d+\s*$/.test(rawStep) ? Number(rawStep) : NaN;
  if (step >= 1 && step <= steps) return { name, step };
  if (step > steps) {
    notes.push(`step=${showValue(rawStep)}: the lesson "${name}" has ${steps} steps; opening step ${steps}`);
    return { name, step: steps };
  }
  notes.push(`step=${showValue(rawStep)} is not a step number from 1 to ${steps}; opening step 1`);
  return { name, step: 1 };
}
