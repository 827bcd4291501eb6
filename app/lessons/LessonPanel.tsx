import { useEffect, useRef } from 'react';
import { configSelector, runStatusSelector, viewSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import type { WorkerClient } from '../worker/workerClient.ts';
import { lessonNamed } from './index.ts';
import { isStepConfig, loadStep, openLesson } from './lessonPlace.ts';
import { LessonPrint } from './LessonPrint.tsx';
import { PredictionChoices } from './PredictionChoices.tsx';
import { progressStore, stepKey, useProgress } from './progressStore.ts';
import { StepResult } from './StepResult.tsx';
import { TeacherNotes } from './TeacherNotes.tsx';

/**
 * The open lesson (lesson= and step= in the link), one step at a time: what to look at, a
 * prediction to pick, a button that runs the step's experiment, and once that run is done what
 * happened and Next. A step unlocks only when the step before it has run to the end.
 */
export function LessonPanel({ client }: { client: WorkerClient }) {
  const place = useLab(viewSelector).lesson;
  const config = useLab(configSelector);
  const status = useLab(runStatusSelector);
  const lesson = place && lessonNamed(place.name);
  const step = lesson && place ? lesson.steps[place.step - 1] : null;
  const key = place ? stepKey(place.name, place.step) : '';
  const picked = useProgress((state) => state.answers[key]);
  const finished = useProgress((state) => state.finished[key] === true);
  const onStep = step !== null && isStepConfig(step, config);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<string | null>(null);

  // Opening a step, from the link or with Next, sets the page to its experiment.
  useEffect(() => {
    if (step) loadStep(step);
  }, [step]);
  // Moving to another step (Next, Previous) takes focus to its heading, since the button pressed may now be disabled; opening the page does not.
  useEffect(() => {
    if (shownStep.current !== null && shownStep.current !== key) stepHeading.current?.focus();
    shownStep.current = key;
  }, [key]);
  useEffect(() => {
    if (status === 'done' && onStep && picked !== undefined) progressStore.getState().finish(key);
  }, [status, onStep, picked, key]);

  if (!lesson || !place || !step) return null;
  const running = status === 'running';
  const last = place.step === lesson.steps.length;
  const runStep = () => {
    if (picked === undefined || running) return;
    loadStep(step);
    client.run();
  };
  return (
    <section className="lesson" aria-labelledby="lesson-heading">
      <div className="lesson__screen">
        <div className="lesson__top">
          <h2 id="lesson-heading">Lesson: {lesson.title}</h2>
          <button type="button" className="button button--small" onClick={() => openLesson(null)}>
            Close lesson
          </button>
        </div>
        <h3 ref={stepHeading} tabIndex={-1}>
          Step {place.step} of {lesson.steps.length}: {step.title}
        </h3>
        <p>
          <strong>Look at:</strong> {step.lookAt}
        </p>
        <PredictionChoices step={step} picked={picked} locked={finished} onPick={(choice) => progressStore.getState().answer(key, choice)} />
        <p className="lesson__actions">
          <button type="button" className="button button--primary" onClick={runStep} aria-disabled={picked === undefined || running}>
            Run this step
          </button>
          {picked === undefined && <span className="lesson__hint">Pick a prediction first.</span>}
          {!onStep && !running && picked !== undefined && <span className="lesson__hint">The settings were changed; Run this step puts the step's back.</span>}
        </p>
        {finished && <StepResult key={key} step={step} picked={picked} />}
        <p className="lesson__live" aria-live="polite">
          {finished ? (last ? 'Lesson complete.' : `Step ${place.step + 1} is unlocked.`) : ''}
        </p>
        <p className="lesson__actions">
          {place.step > 1 && (
            <button type="button" className="button" onClick={() => openLesson(place.name, place.step - 1)}>
              Previous step
            </button>
          )}
          {!last && (
            <button type="button" className="button" disabled={!finished} onClick={() => openLesson(place.name, place.step + 1)}>
              Next step
            </button>
          )}
        </p>
        <TeacherNotes lesson={lesson} />
      </div>
      <LessonPrint lesson={lesson} />
    </section>
  );
}
