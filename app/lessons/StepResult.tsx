import { useEffect, useRef } from 'react';
import type { LessonStep } from './types.ts';

/** After the step's run: the class's prediction marked, why the answer is what it is, what happened, and one change to try. Takes focus when it appears. */
export function StepResult({ step, picked }: { step: LessonStep; picked: number | undefined }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const right = step.choices.find((choice) => choice.right);
  const guessed = picked === undefined ? undefined : step.choices[picked];
  return (
    <section className="lesson__result" aria-labelledby="lesson-result-heading">
      <h3 id="lesson-result-heading" ref={heading} tabIndex={-1}>
        What happened
      </h3>
      <p className={guessed?.right ? 'lesson__verdict lesson__verdict--right' : 'lesson__verdict'}>
        {guessed?.right ? `Your prediction, "${guessed.text}", was right.` : `You predicted "${guessed?.text ?? 'nothing'}"; the answer was "${right?.text}".`}
      </p>
      <p>{step.why}</p>
      <p>{step.explanation}</p>
      <p>
        <strong>Try this:</strong> {step.tryThis}
      </p>
    </section>
  );
}
