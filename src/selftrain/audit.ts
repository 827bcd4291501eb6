/**
 * The human audit (issue 15): m labelled examples a person checked, never trained on, that
 * judge a generation's students and say how good the chosen one really is. Pure statistics;
 * generation.ts measures the students on the audit rows and calls these.
 */

/** Two-sided miss rate of the audit's interval over all K students together (95% simultaneous). */
export const AUDIT_ALPHA = 0.05;

/** Bisection steps of the exact bounds: 2^-60 is far below float64's resolution near any bound. */
const BISECTION_STEPS = 60;

/** What GenerationResult.audit holds. */
export interface AuditResult {
  /** m, the audit examples. */
  size: number;
  /** Per student (index = student), its accuracy on the audit set, a fraction. */
  accuracy: number[];
  /** The chosen student's audit accuracy. */
  estimate: number;
  /** The interval for the chosen student's true accuracy, widened for having been picked as the best of K. */
  low: number;
  high: number;
}

/**
 * P(X >= x) for X ~ Binomial(n, p): the exact tail the Clopper–Pearson bounds invert. Terms
 * are built from the mode outwards in log space, so no n up to the audit's 500 overflows.
 */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let logChoose = 0; // log C(n, k), k from 0 up
  let tail = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logChoose += Math.log((n - k + 1) / k);
    if (k >= x) tail += Math.exp(logChoose + k * logP + (n - k) * logQ);
  }
  return Math.min(1, tail);
}

/** The p in [0, 1] where the increasing function `f` crosses `target`, by bisection. */
function solveIncreasing(f: (p: number) => number, target: number): number {
  let low = 0;
  let high = 1;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2;
    if (f(middle) < target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * The exact (Clopper–Pearson) interval for a success probability from `right` of `n` trials
 * at two-sided miss rate `alpha`: the p whose binomial tails just reach alpha/2. It never
 * covers less than 1 - alpha, whatever p is (scipy: beta.ppf(alpha/2, x, n-x+1) and
 * beta.ppf(1-alpha/2, x+1, n-x)).
 */
export function clopperPearson(right: number, n: number, alpha: number): { low: number; high: number } {
  if (!(n > 0) || right < 0 || right > n) throw new Error(`clopperPearson needs 0 <= right (${right}) <= n (${n}), n > 0.`);
  const low = right === 0 ? 0 : solveIncreasing((p) => binomialUpperTail(right, n, p), alpha / 2);
  // P(X <= right) = 1 - P(X >= right + 1) falls as p grows: its alpha/2 crossing is the upper bound.
  const high = right === n ? 1 : solveIncreasing((p) => binomialUpperTail(right + 1, n, p), 1 - alpha / 2);
  return { low, high };
}

/**
 * Judges students by their audit accuracies: the best is the highest, ties to the lowest
 * index, among the `eligible` ones (all when absent). Its interval is Clopper–Pearson at
 * alpha/K each (Bonferroni): then all K intervals hold at once with probability at least
 * 1 - alpha, so the one picked for scoring highest on this very audit is covered too, however
 * optimistic its own score is. `right[k]` counts student k's correct audit examples.
 */
export function judgeByAudit(right: readonly number[], size: number, eligible?: readonly boolean[]): { audit: AuditResult; best: number } {
  const students = right.length;
  if (students === 0) throw new Error('judgeByAudit needs at least one student.');
  const can = (k: number) => eligible?.[k] ?? true;
  let best = -1;
  for (let k = 0; k < students; k++) if (can(k) && (best < 0 || right[k] > right[best])) best = k;
  if (best < 0) throw new Error('judgeByAudit needs at least one eligible student.');
  const { low, high } = clopperPearson(right[best], size, AUDIT_ALPHA / students);
  const accuracy = right.map((count) => count / size);
  return { audit: { size, accuracy, estimate: accuracy[best], low, high }, best };
}

/** Per student, how many of the audit's `truth` labels its `predicted` classes get right. */
export function auditRight(predicted: readonly Int32Array[], truth: Int32Array): number[] {
  return predicted.map((labels) => labels.reduce((count, label, row) => count + (label === truth[row] ? 1 : 0), 0));
}

/** A fraction as the gate's sentences write it: 70%, 73.3%. */
export function percentText(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

/** What GenerationResult.gate holds: the challenger's and champion's audit accuracies, and the verdict in a sentence. */
export interface GateResult {
  accepted: boolean;
  challenger: number;
  champion: number;
  reason: string;
}

/**
 * Champion and challenger (self-play's rule, as AlphaZero's evaluator ran it): the challenger
 * replaces the champion only if the audit scores it at least as high. Both were scored on the
 * same audit examples, so a tie keeps the newer model.
 */
export function gateVerdict(challenger: number, champion: number): GateResult {
  const accepted = challenger >= champion;
  const scores = `the challenger's ${percentText(challenger)} on the audit ${accepted ? 'is at least' : 'is below'} the champion's ${percentText(champion)}`;
  return { accepted, challenger, champion, reason: accepted ? `${capitalize(scores)}: it teaches next.` : `${capitalize(scores)}: the champion teaches on.` };
}

const capitalize = (text: string) => text[0].toUpperCase() + text.slice(1);
