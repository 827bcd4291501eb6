import type { Lesson } from './types.ts';

/** The lesson's notes for the teacher: time, questions to discuss, predictions classes often get wrong. */
export function TeacherNotesBody({ lesson }: { lesson: Lesson }) {
  return (
    <>
      <p>Time: about {lesson.notes.minutes} minutes.</p>
      <h4>To discuss</h4>
      <ul>
        {lesson.notes.discuss.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h4>Common wrong predictions</h4>
      <ul>
        {lesson.notes.wrongPredictions.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
