/**
 * The critic (`critic=committee`): the previous generation's students, all K of them (the
 * teacher among them), vote on each pseudo-label the selection admitted; one survives only where
 * at least `agree` of them predict the teacher's class. The veto acts after the selection, on its
 * candidates, so the selection rule means what it means without a critic (tau, the curriculum's
 * share, the top k per class of the teacher's own confidence) and the critic is judged on exactly
 * the labels the teacher would have handed over without it.
 */
import { UNCLASSED } from '../data/types.ts';
import type { Selection } from './selection.ts';

/** What the critic did to one generation's pseudo-labels, judged against the truth the model never sees. */
export interface CriticResult {
  /** Pseudo-labels the selection admitted and the committee vetoed. */
  vetoed: number;
  /** Of those, how many the teacher had wrong (a right veto). */
  vetoedWrong: number;
  /** vetoedWrong / the scored vetoes: the share of its vetoes that were right; null when it vetoed no row with a class. */
  precision: number | null;
  /** vetoedWrong / the teacher's wrong candidates: the share of the teacher's mistakes it caught; null when the teacher made none. */
  recall: number | null;
}

/** The candidates split by the committee's vote: those it admits and those it vetoes, each in ascending row order. */
export interface Verdict {
  admitted: Selection;
  vetoed: Selection;
}

/**
 * Splits `candidates` by the committee's vote: `committee[k][row]` is member k's class for pool
 * row `row`; a candidate is admitted where at least `agree` members predict its label.
 */
export function committeeVeto(candidates: Selection, committee: readonly Int32Array[], agree: number): Verdict {
  const keep = new Uint8Array(candidates.indices.length);
  for (let i = 0; i < keep.length; i++) {
    const row = candidates.indices[i];
    let votes = 0;
    for (const member of committee) if (member[row] === candidates.labels[i]) votes++;
    keep[i] = votes >= agree ? 1 : 0;
  }
  return { admitted: pick(candidates, keep, 1), vetoed: pick(candidates, keep, 0) };
}

/**
 * The critic's counts, precision and recall over `candidates`, given what it vetoed and the pool's
 * true labels. `vetoed` counts every veto; precision and recall read only the rows with a class
 * (a custom pool's UNCLASSED rows are never scored).
 */
export function criticMetrics(candidates: Selection, vetoed: Selection, poolLabels: Int32Array): CriticResult {
  const judge = (selection: Selection) => {
    let scored = 0;
    let wrong = 0;
    for (let i = 0; i < selection.indices.length; i++) {
      const truth = poolLabels[selection.indices[i]];
      if (truth === UNCLASSED) continue;
      scored++;
      if (selection.labels[i] !== truth) wrong++;
    }
    return { scored, wrong };
  };
  const teacherWrong = judge(candidates).wrong;
  const { scored, wrong: vetoedWrong } = judge(vetoed);
  return {
    vetoed: vetoed.indices.length,
    vetoedWrong,
    precision: scored === 0 ? null : vetoedWrong / scored,
    recall: teacherWrong === 0 ? null : vetoedWrong / teacherWrong,
  };
}

function pick(selection: Selection, keep: Uint8Array, value: 0 | 1): Selection {
  let count = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i] === value) count++;
  const out: Selection = { indices: new Int32Array(count), labels: new Int32Array(count), confidence: new Float32Array(count) };
  let at = 0;
  for (let i = 0; i < keep.length; i++) {
    if (keep[i] !== value) continue;
    out.indices[at] = selection.indices[i];
    out.labels[at] = selection.labels[i];
    out.confidence[at] = selection.confidence[i];
    at++;
  }
  return out;
}
