import { TeacherNotesBody } from './TeacherNotesBody.tsx';
import type { Lesson } from './types.ts';

/** The teacher notes, folded on screen. */
export function TeacherNotes({ lesson }: { lesson: Lesson }) {
  return (
    <details className="lesson__notes">
      <summary>Teacher notes</summary>
      <TeacherNotesBody lesson={lesson} />
    </details>
  );
}
