import type { GenerationResult } from '../../src/selftrain/events.ts';

/**
 * The Generations table's note on a generation that dropped students because their loss
 * diverged ("1 student dropped: #2 at epoch 3, the loss became non-finite"); null when none was.
 */
export function droppedNote(result: GenerationResult): string | null {
  const dropped = result.dropped ?? [];
  if (dropped.length === 0) return null;
  const each = dropped.map((d) => `#${d.student} at epoch ${d.epoch}, ${d.reason}`).join('; ');
  return `${dropped.length} student${dropped.length === 1 ? '' : 's'} dropped: ${each}`;
}
