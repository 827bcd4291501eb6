import { expect, test } from 'vitest';
import { auditCells, auditSummary } from '../../../app/format/audit.ts';
import { progressText } from '../../../app/format/progressText.ts';
import type { GenerationResult } from '../../../src/selftrain/events.ts';
import { generationResult } from '../store/fixtures.ts';

const audited = (generation: number, testAccuracy: number, gate?: GenerationResult['gate']): GenerationResult => ({
  ...generationResult(generation, testAccuracy),
  audit: { size: 20, accuracy: [0.8, 0.9], estimate: 0.9, low: 0.594, high: 0.99584 },
  ...(gate ? { gate } : {}),
});

test('the audit cells put the estimate and its interval beside the test accuracy, and the gate its verdict', () => {
  expect(auditCells(generationResult(0, 0.8))).toBeNull();
  expect(auditCells(audited(0, 0.95))).toEqual({ estimate: '90.0%', interval: '59.4–99.6%', gate: null });
  const reason = "The challenger's 90% on the audit is below the champion's 95%: the champion teaches on.";
  expect(auditCells(audited(2, 0.95, { accepted: false, challenger: 0.9, champion: 0.95, reason }))!.gate).toEqual({ rejected: true, text: 'rejected', reason });
  expect(auditCells(audited(1, 0.95, { accepted: true, challenger: 0.9, champion: 0.9, reason: 'ok' }))!.gate).toMatchObject({ rejected: false, text: 'accepted' });
});

test('the summary says what the audit believes next to what the test set measures', () => {
  expect(auditSummary(audited(6, 0.967))).toBe('The audit (20 checked examples) puts generation 6 at 90.0% (59.4–99.6%); the test set measures 96.7%.');
  expect(auditSummary(generationResult(6, 0.967))).toBeNull();
  expect(progressText({ kind: 'labels+audit', done: 3, total: 10 }, null)).toBe('Training on labels + audit: epoch 4 of 10');
});
