import type { SelectionName } from '../config/schema.ts';

/** The teacher's verdict on every pool row: its argmax class and that class's probability. */
export interface TeacherVerdict {
  /** Predicted class per pool row. */
  labels: Int32Array;
  /** Probability of the predicted class per pool row. */
  confidence: Float32Array;
}

/** Which pool rows become pseudo-labels this generation, in ascending row order. */
export interface Selection {
  indices: Int32Array;
  labels: Int32Array;
  confidence: Float32Array;
}

/** The knobs of the three strategies, as the config names them. */
export interface SelectionRule {
  select: SelectionName;
  /** threshold: admit confidence >= tau. */
  tau: number;
  /** curriculum: admit the top min(100, generation * percent)% per predicted class. */
  percent: number;
  /** balanced: admit the top generation * k per predicted class. */
  k: number;
}

/** Argmax and max of each row of an n × classes probability matrix; ties go to the lower class. */
export function teacherVerdict(probabilities: Float32Array, classes: number): TeacherVerdict {
  const n = probabilities.length / classes;
  const labels = new Int32Array(n);
  const confidence = new Float32Array(n);
  for (let row = 0; row < n; row++) {
    const base = row * classes;
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[base + c] > probabilities[base + best]) best = c;
    labels[row] = best;
    confidence[row] = probabilities[base + best];
  }
  return { labels, confidence };
}

/** Applies `rule` for `generation` (>= 1) to the teacher's verdict on the pool. */
export function selectPseudoLabels(verdict: TeacherVerdict, classes: number, rule: SelectionRule, generation: number): Selection {
  switch (rule.select) {
    case 'threshold':
      return gather(verdict, thresholdMask(verdict, rule.tau));
    case 'curriculum': {
      const share = Math.min(100, generation * rule.percent) / 100;
      return gather(verdict, topPerClassMask(verdict, classes, (count) => Math.round(count * share)));
    }
    case 'balanced':
      return gather(verdict, topPerClassMask(verdict, classes, (count) => Math.min(count, generation * rule.k)));
  }
}

function thresholdMask(verdict: TeacherVerdict, tau: number): Uint8Array {
  const mask = new Uint8Array(verdict.labels.length);
  for (let row = 0; row < mask.length; row++) mask[row] = verdict.confidence[row] >= tau ? 1 : 0;
  return mask;
}

/**
 * Per predicted class, marks the `quota(classCount)` most confident rows. Sorting per class
 * (not globally) keeps a class the teacher is unsure about from being crowded out by an easy one.
 * Equal confidences go to the lower row index, so the choice is deterministic.
 */
function topPerClassMask(verdict: TeacherVerdict, classes: number, quota: (classCount: number) => number): Uint8Array {
  const { labels, confidence } = verdict;
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  for (let row = 0; row < labels.length; row++) byClass[labels[row]].push(row);
  const mask = new Uint8Array(labels.length);
  for (const rows of byClass) {
    rows.sort((a, b) => confidence[b] - confidence[a] || a - b);
    const take = Math.max(0, Math.min(rows.length, quota(rows.length)));
    for (let i = 0; i < take; i++) mask[rows[i]] = 1;
  }
  return mask;
}

function gather(verdict: TeacherVerdict, mask: Uint8Array): Selection {
  let count = 0;
  for (let row = 0; row < mask.length; row++) count += mask[row];
  const indices = new Int32Array(count);
  const labels = new Int32Array(count);
  const confidence = new Float32Array(count);
  let at = 0;
  for (let row = 0; row < mask.length; row++) {
    if (!mask[row]) continue;
    indices[at] = row;
    labels[at] = verdict.labels[row];
    confidence[at] = verdict.confidence[row];
    at++;
  }
  return { indices, labels, confidence };
}

/**
 * True when `current` admits a pseudo-label `previous` did not: a pool row not admitted before,
 * or one admitted with another class. The pair, not the row alone, because a relabelled row
 * changes what the student learns; when neither changes, another generation repeats the last one.
 */
export function admitsSomethingNew(previous: Selection, current: Selection): boolean {
  let p = 0;
  for (let i = 0; i < current.indices.length; i++) {
    const row = current.indices[i];
    while (p < previous.indices.length && previous.indices[p] < row) p++;
    if (p >= previous.indices.length || previous.indices[p] !== row || previous.labels[p] !== current.labels[i]) return true;
  }
  return false;
}
