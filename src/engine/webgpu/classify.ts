import { CLASSIFY } from '../backend.ts';
import type { GpuTensor } from './arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import source from './classify.wgsl?raw';

const CLASSIFY_KERNEL = defineKernel('classify', source);

/** Enqueues out[outRow + r] = (class, probability) of softmax(logits[r]) for r < rows (Backend.classify). */
export function encodeClassify(context: KernelContext, logits: GpuTensor, rows: number, classes: number, out: GpuTensor, outRow: number): void {
  checkFits('classify', 'logits', logits, rows * classes);
  checkFits('classify', 'out', out, (outRow + rows) * CLASSIFY.size);
  checkDistinct('classify', [out], [logits]);
  if (rows === 0 || classes === 0) return;
  enqueue(context, CLASSIFY_KERNEL, {}, { rows, classes, outRow }, { logits, out }, [elementwiseGroups(rows)]);
}
