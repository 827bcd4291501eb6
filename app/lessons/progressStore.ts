import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** The key of one step of one lesson. */
export function stepKey(lesson: string, step: number): string {
  return `${lesson}/${step}`;
}

interface LessonProgress {
  /** The choice picked for each step (index into its choices). */
  answers: Readonly<Record<string, number>>;
  /** Steps whose run has finished. */
  finished: Readonly<Record<string, true>>;
  answer(key: string, choice: number): void;
  finish(key: string): void;
}

/** What the class has predicted and run in this visit; it unlocks the steps, and goes with a reload. */
export const progressStore = createStore<LessonProgress>()((set) => ({
  answers: {},
  finished: {},
  answer: (key, choice) => set((state) => ({ answers: { ...state.answers, [key]: choice } })),
  finish: (key) => set((state) => ({ finished: { ...state.finished, [key]: true } })),
}));

export function useProgress<T>(selector: (state: LessonProgress) => T): T {
  return useStore(progressStore, selector);
}
