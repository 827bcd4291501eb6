import type { LessonName } from '../../src/config/lessonNames.ts';
import { audit } from './audit.ts';
import { confirmationBias } from './confirmationBias.ts';
import { critic } from './critic.ts';
import { mnist } from './mnist.ts';
import { ownLabels } from './ownLabels.ts';
import { recipeSearch } from './recipeSearch.ts';
import type { Lesson } from './types.ts';

/** The guided lessons, in teaching order. */
export const LESSONS: readonly Lesson[] = [ownLabels, confirmationBias, critic, recipeSearch, audit, mnist];

export function lessonNamed(name: LessonName): Lesson {
  const lesson = LESSONS.find((item) => item.name === name);
  if (!lesson) throw new Error(`no lesson named "${name}"`);
  return lesson;
}
