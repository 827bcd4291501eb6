import type { GpuTensor } from './arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import source from './softmax.wgsl?raw';

const SOFTMAX = defineKernel('softmax', source);

/** Enqueues probs[probsRow + r] = softmax(logits[r]) for r < rows. */
export function encodeSoftmax(context: KernelContext, logits: GpuTensor, rows: number, classes: number, probs: GpuTensor, probsRow: number): void {
  checkFits('softmax', 'logits', logits, rows * classes);
  checkFits('softmax', 'probs', probs, (probsRow + rows) * classes);
  checkDistinct('softmax', [probs], [logits]);
  if (rows === 0 || classes === 0) return;
  enqueue(context, SOFTMAX, {}, { rows, classes, probsRow }, { logits, probs }, [elementwiseGroups(rows)]);
}
