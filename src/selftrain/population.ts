/**
 * A generation's population: `config.students` students trained side by side (the engine's
 * model dimension), and the judge that picks which of them teaches next.
 */

/** Each student's test accuracy, the judge's scores, and the one it chose; present when a generation has more than one student. */
export interface PopulationResult {
  /** Test accuracy of each student, in student order. */
  testAccuracy: number[];
  /** Who judged: `agreement` needs no labels; `audit` (with config.audit > 0) is the highest audit accuracy (GenerationResult.audit). */
  judge: 'agreement' | 'audit';
  /** Per student, the fraction of pool rows where its class equals the majority vote of the other students. */
  agreement: number[];
  /** The chosen student (the judge's highest score, ties to the lowest index): its model teaches next. */
  best: number;
}

/**
 * Judges students by agreement, which needs no labels: student k's score is the fraction of
 * rows where its predicted class equals the majority vote of the others (ties in the vote go
 * to the lower class). `labels[k]` is student k's predicted class per row. The best is the
 * highest score, ties to the lowest index; one student is its own best with agreement 1.
 */
export function judgeByAgreement(labels: readonly Int32Array[], classes: number): { agreement: number[]; best: number } {
  const students = labels.length;
  if (students === 0) throw new Error('judgeByAgreement needs at least one student.');
  if (students === 1) return { agreement: [1], best: 0 };
  const rows = labels[0].length;
  const agreed = new Array<number>(students).fill(0);
  const votes = new Int32Array(classes);
  for (let row = 0; row < rows; row++) {
    votes.fill(0);
    for (const student of labels) votes[student[row]]++;
    for (let k = 0; k < students; k++) {
      const own = labels[k][row];
      votes[own]--;
      let majority = 0;
      for (let c = 1; c < classes; c++) if (votes[c] > votes[majority]) majority = c;
      if (majority === own) agreed[k]++;
      votes[own]++;
    }
  }
  const agreement = agreed.map((count) => (rows === 0 ? 0 : count / rows));
  let best = 0;
  for (let k = 1; k < students; k++) if (agreement[k] > agreement[best]) best = k;
  return { agreement, best };
}
