import type { GenerationResult } from '../../src/selftrain/events.ts';
import { formatPercent } from './percent.ts';

/** A generation's audit as the Generations table shows it, beside its test accuracy; null without an audit. */
export interface AuditCells {
  /** "95.0%": the chosen student's accuracy on the audit examples. */
  estimate: string;
  /** "66.4–100.0%": where its true accuracy lies, allowing for its having been picked as the best. */
  interval: string;
  /** Under the gate from generation 1 on: "accepted", or "rejected" with the reason; null otherwise. */
  gate: { rejected: boolean; text: string; reason: string } | null;
}

export function auditCells(result: GenerationResult): AuditCells | null {
  const { audit, gate } = result;
  if (!audit) return null;
  return {
    estimate: formatPercent(audit.estimate),
    interval: `${formatPercent(audit.low).replace('%', '')}–${formatPercent(audit.high)}`,
    gate: gate ? { rejected: !gate.accepted, text: gate.accepted ? 'accepted' : 'rejected', reason: gate.reason } : null,
  };
}

/**
 * What the system believes about itself next to the truth, for the last generation: "The audit
 * (20 checked examples) puts generation 6 at 90.0% (59.4–99.6%); the test set measures 96.7%."
 */
export function auditSummary(result: GenerationResult): string | null {
  const cells = auditCells(result);
  if (!cells || !result.audit) return null;
  return `The audit (${result.audit.size} checked examples) puts generation ${result.generation} at ${cells.estimate} (${cells.interval}); the test set measures ${formatPercent(result.testAccuracy)}.`;
}
