import { TeacherNotesBody } from './TeacherNotesBody.tsx';
import type { Lesson } from './types.ts';

/** The whole lesson as a worksheet: hidden on screen, the only thing printed while a lesson is open (lessons.css). */
export function LessonPrint({ lesson }: { lesson: Lesson }) {
  return (
    <div className="lesson-print">
      <h2>Lesson: {lesson.title}</h2>
      <p>{lesson.summary}</p>
      <ol>
        {lesson.steps.map((step) => (
          <li key={step.title}>
            <h3>{step.title}</h3>
            <p>{step.lookAt}</p>
            <p>
              <strong>Predict:</strong> {step.question}
            </p>
            <ul className="lesson-print__choices">
              {step.choices.map((choice) => (
                <li key={choice.text}>☐ {choice.text}</li>
              ))}
            </ul>
            <p>
              <strong>Try this:</strong> {step.tryThis}
            </p>
          </li>
        ))}
      </ol>
      <section className="lesson-print__notes">
        <h3>Teacher notes</h3>
        <TeacherNotesBody lesson={lesson} />
        <h4>Answers</h4>
        <ol>
          {lesson.steps.map((step) => (
            <li key={step.title}>
              {step.choices.find((choice) => choice.right)?.text}: {step.why}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
