/**
 * A generation's population: `config.students` students trained side by side (the engine's
 * model dimension), and the judge that picks which of them teaches next.
 */

/** Each student's test accuracy, the judge's scores, and the one it chose; present when a generation has more than one student. */
export interface PopulationResult {
  /** Test accuracy of each student, in student order; null for a student dropped because its loss diverged (GenerationResult.dropped). */
  testAccuracy: (number | null)[];
  /** Who judged: `agreement` needs no labels; `audit` (with config.audit > 0) is the highest audit accuracy (GenerationResult.audit). */
  judge: 'agreement' | 'audit';
  /** Per student, the fraction of pool rows where its class equals the majority vote of the other (eligible) students. */
  agreement: number[];
  /** The chosen student (the judge's highest score, ties to the lowest index): its model teaches next. */
  best: number;
}

/**
 * Judges students by agreement, which needs no labels: student k's score is the fraction of
 * rows where its predicted class equals the majority vote of the others (ties in the vote go
 * to the lower class). `labels[k]` is student k's predicted class per row. The best is the
 * highest score, ties to the lowest index; one student is its own best with agreement 1.
 * `eligible` (all by default) leaves out students that may not be chosen (dropped ones): they
 * neither vote nor win, though their own agreement with the others' vote is still measured.
 */
export function judgeByAgreement(labels: readonly Int32Array[], classes: number, eligible?: readonly boolean[]): { agreement: number[]; best: number } {
  const students = labels.length;
  const votes = (k: number) => eligible?.[k] ?? true;
  const voters = labels.filter((_, k) => votes(k)).length;
  if (voters === 0) throw new Error('judgeByAgreement needs at least one eligible student.');
  if (students === 1) return { agreement: [1], best: 0 };
  const rows = labels[0].length;
  const agreed = new Array<number>(students).fill(0);
  const tally = new Int32Array(classes);
  for (let row = 0; row < rows; row++) {
    tally.fill(0);
    for (let k = 0; k < students; k++) if (votes(k)) tally[labels[k][row]]++;
    for (let k = 0; k < students; k++) {
      const own = labels[k][row];
      if (votes(k)) tally[own]--;
      // A lone eligible student has no one else to agree with: it agrees, as one student does.
      let majority = voters === 1 && votes(k) ? own : 0;
      for (let c = 0; c < classes; c++) if (tally[c] > tally[majority]) majority = c;
      if (majority === own) agreed[k]++;
      if (votes(k)) tally[own]++;
    }
  }
  const agreement = agreed.map((count) => (rows === 0 ? 0 : count / rows));
  let best = -1;
  for (let k = 0; k < students; k++) if (votes(k) && (best < 0 || agreement[k] > agreement[best])) best = k;
  return { agreement, best };
}
