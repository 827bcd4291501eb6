import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { LESSONS } from './index.ts';
import { openLesson } from './lessonPlace.ts';

/** The Lessons button, and the list of lessons it opens; picking one opens it at step 1, Escape folds the list back. */
export function LessonMenu() {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return (
    <nav className="lesson-menu" aria-label="Guided lessons" onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Lessons
      </button>
      {open && (
        <ol id={listId} className="lesson-menu__list">
          {LESSONS.map((lesson) => (
            <li key={lesson.name}>
              <button
                type="button"
                className="lesson-menu__item"
                onClick={() => {
                  openLesson(lesson.name);
                  setOpen(false);
                }}
              >
                <span className="lesson-menu__title">{lesson.title}</span>
                <span className="lesson-menu__summary">{lesson.summary}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
