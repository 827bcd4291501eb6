import { describe, expect, it } from 'vitest';
import { AUDIT_ALPHA, auditRight, binomialUpperTail, clopperPearson, gateVerdict, judgeByAudit } from '../../src/selftrain/audit.ts';

/** scipy 1.17: beta.ppf(a/2, x, n-x+1) and beta.ppf(1-a/2, x+1, n-x), the exact interval's textbook form. */
const SCIPY: [right: number, n: number, alpha: number, low: number, high: number][] = [
  [14, 20, 0.05, 0.45721081772371086, 0.8810684095942722],
  [14, 20, 0.05 / 8, 0.37368654519840083, 0.9230585375813821],
  [18, 20, 0.05 / 8, 0.5943951879660347, 0.9958421829515705],
  [0, 20, 0.05, 0, 0.1684334709830853],
  [20, 20, 0.05 / 8, 0.7494497189681767, 1],
  [37, 50, 0.05 / 8, 0.5412610240739048, 0.8866446421176456],
  [1, 1, 0.05, 0.025, 1],
  [45, 50, 0.05 / 16, 0.7160960758008283, 0.9830742920883919],
];

describe('the exact (Clopper–Pearson) interval', () => {
  it.each(SCIPY)('matches scipy for %i of %i at alpha %f', (right, n, alpha, low, high) => {
    const interval = clopperPearson(right, n, alpha);
    expect(interval.low).toBeCloseTo(low, 10);
    expect(interval.high).toBeCloseTo(high, 10);
  });

  it('has the closed forms at the ends: all right gives (alpha/2)^(1/n), none right 1 - (alpha/2)^(1/n)', () => {
    for (const n of [5, 20, 200, 500]) {
      expect(clopperPearson(n, n, 0.01).low).toBeCloseTo(0.005 ** (1 / n), 12);
      expect(clopperPearson(0, n, 0.01).high).toBeCloseTo(1 - 0.005 ** (1 / n), 12);
    }
  });

  it('is a binomial tail that sums to the right values', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(10, 10, 0.5)).toBeCloseTo(1 / 1024, 15);
    expect(binomialUpperTail(1, 3, 0.5)).toBeCloseTo(7 / 8, 15);
    // No overflow at the audit's largest size (scipy: binom.sf(249, 500, 0.5)).
    expect(binomialUpperTail(250, 500, 0.5)).toBeCloseTo(0.5178323227766746, 12);
  });

  it('rejects counts outside 0..n', () => {
    expect(() => clopperPearson(21, 20, 0.05)).toThrow(/right/);
    expect(() => clopperPearson(0, 0, 0.05)).toThrow(/n > 0/);
  });
});

describe('the audit judge', () => {
  it('picks the highest audit accuracy, ties to the lower index, with a Bonferroni interval over the K students', () => {
    const { audit, best } = judgeByAudit([14, 18, 18, 12], 20);
    expect(best).toBe(1);
    expect(audit.size).toBe(20);
    expect(audit.accuracy).toEqual([0.7, 0.9, 0.9, 0.6]);
    expect(audit.estimate).toBe(0.9);
    const single = clopperPearson(18, 20, AUDIT_ALPHA / 4);
    expect([audit.low, audit.high]).toEqual([single.low, single.high]);
    // Wider than the one student's own 95% interval: picking the best of four costs width.
    expect(audit.low).toBeLessThan(clopperPearson(18, 20, AUDIT_ALPHA).low);
  });

  it('scores one student too: no choice, the plain 95% interval', () => {
    const { audit, best } = judgeByAudit([14], 20);
    expect(best).toBe(0);
    expect(audit.low).toBeCloseTo(0.45721081772371086, 10);
    expect(audit.high).toBeCloseTo(0.8810684095942722, 10);
  });

  it('never picks an ineligible student, and says so when none is eligible', () => {
    expect(judgeByAudit([19, 18, 18], 20, [false, true, true]).best).toBe(1);
    expect(judgeByAudit([19, 18, 20], 20, [true, true, false]).best).toBe(0);
    expect(() => judgeByAudit([19, 18], 20, [false, false])).toThrow(/eligible/);
  });

  it('counts each student’s correct audit examples', () => {
    const truth = Int32Array.from([0, 1, 1, 0, 2]);
    expect(auditRight([Int32Array.from([0, 1, 1, 0, 2]), Int32Array.from([1, 1, 0, 0, 0])], truth)).toEqual([5, 2]);
  });

  it('covers the chosen student’s true accuracy at least 95% of the time, where the unwidened interval does not', () => {
    // K students of the same true accuracy: the best of K on the audit is optimistic by construction.
    let state = 12345;
    const uniform = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
    const trials = 2000;
    const truth = 0.8;
    let widened = 0;
    let plain = 0;
    for (let t = 0; t < trials; t++) {
      const right = Array.from({ length: 8 }, () => Array.from({ length: 20 }, () => (uniform() < truth ? 1 : 0)).reduce<number>((a, b) => a + b, 0));
      const { audit, best } = judgeByAudit(right, 20);
      if (audit.low <= truth && truth <= audit.high) widened++;
      const own = clopperPearson(right[best], 20, AUDIT_ALPHA);
      if (own.low <= truth && truth <= own.high) plain++;
    }
    expect(widened / trials).toBeGreaterThanOrEqual(0.95);
    expect(plain / trials).toBeLessThan(0.93);
  });
});

describe('the gate', () => {
  it('accepts a challenger at least as good as the champion, and says why', () => {
    expect(gateVerdict(0.75, 0.75)).toEqual({ accepted: true, challenger: 0.75, champion: 0.75, reason: "The challenger's 75% on the audit is at least the champion's 75%: it teaches next." });
  });

  it('rejects a worse challenger with a sentence that gives both scores', () => {
    const verdict = gateVerdict(0.7, 0.75);
    expect(verdict.accepted).toBe(false);
    expect(verdict.reason).toBe("The challenger's 70% on the audit is below the champion's 75%: the champion teaches on.");
    expect(gateVerdict(11 / 15, 0.8).reason).toMatch(/73\.3% on the audit is below the champion's 80%/);
  });
});
