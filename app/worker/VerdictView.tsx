import { ProbabilityBars } from '../charts/ProbabilityBars.tsx';
import { formatPercent } from '../format/percent.ts';
import type { ModelVerdict } from './useVerdict.ts';

/**
 * A generation's verdict on some input, as a sentence ("At (0.50, 1.20), generation 3 says
 * Coat (87% sure; run by the engine)", `lead` being "At (0.50, 1.20), " and may be empty) and
 * one labelled bar per class, or why there is none.
 */
export function VerdictView({ verdict, classNames, lead, what, testId }: { verdict: ModelVerdict | null; classNames: readonly string[]; lead: string; what: string; testId: string }) {
  if (!verdict) return null;
  if ('error' in verdict) {
    return (
      <p className="image-view__error" role="alert">
        Could not classify {what}: {verdict.error}
      </p>
    );
  }
  const top = topClass(verdict.probabilities);
  return (
    <>
      <p className="verdict__line" data-testid={testId}>
        {lead ? `${lead}generation` : 'Generation'} {verdict.model.generation} says <strong>{classNames[top]}</strong> ({formatPercent(verdict.probabilities[top])} sure; run by {verdict.by})
      </p>
      <ProbabilityBars classNames={classNames} probabilities={verdict.probabilities} top={top} />
    </>
  );
}

/** The first most probable class. */
function topClass(probabilities: Float32Array): number {
  return probabilities.indexOf(Math.max(...probabilities));
}
