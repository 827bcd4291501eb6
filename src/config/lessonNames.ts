/**
 * The guided lessons a link may open (`lesson=<name>&step=<n>`), with how many steps each has.
 * The lessons themselves (their text and step links) live in app/lessons/; this table is what
 * the link reader needs to check a name and a step, and a test keeps the two in step.
 */
export const LESSON_STEPS = {
  'own-labels': 3,
  'confirmation-bias': 2,
  critic: 2,
  'recipe-search': 2,
  audit: 2,
  mnist: 2,
} as const;

export type LessonName = keyof typeof LESSON_STEPS;

export const LESSON_NAMES = Object.keys(LESSON_STEPS) as LessonName[];

export function isLessonName(name: string): name is LessonName {
  return Object.hasOwn(LESSON_STEPS, name);
}
