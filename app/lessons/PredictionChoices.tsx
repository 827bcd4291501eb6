import type { LessonStep } from './types.ts';

/** The step's question as a radio group: arrow keys move between choices, and the pick is kept once the run has finished. */
export function PredictionChoices({ step, picked, locked, onPick }: { step: LessonStep; picked: number | undefined; locked: boolean; onPick(choice: number): void }) {
  return (
    <fieldset className="lesson__question">
      <legend>Predict: {step.question}</legend>
      {step.choices.map((choice, index) => (
        <label key={choice.text} className="lesson__choice">
          <input type="radio" name="lesson-prediction" checked={picked === index} disabled={locked && picked !== index} onChange={() => onPick(index)} />
          {choice.text}
        </label>
      ))}
    </fieldset>
  );
}
