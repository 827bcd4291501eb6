import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import source from './softmax.wgsl?raw';
import type { SoftmaxOp } from './softmax.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const SOFTMAX = defineKernel('softmax', source);

/** Enqueues probs[probsRow + r] = softmax(logits[r]) for r < rows. */
export function encodeSoftmax(context: KernelContext, logits: GpuTensor, rows: number, classes: number, probs: GpuTensor, probsRow: number): void {
  checkFits('softmax', 'logits', logits, rows * classes);
  checkFits('softmax', 'probs', probs, (probsRow + rows) * classes);
  checkDistinct('softmax', [probs], [logits]);
  if (rows === 0 || classes === 0) return;
  enqueue(context, SOFTMAX, {}, { rows, classes, probsRow }, { logits, probs }, [elementwiseGroups(rows)]);
}

export const webgpuSoftmax = (gpu: GpuOpContext): SoftmaxOp['softmax'] => (logits, rows, classes, probs, probsRow) => {
  gpu.begin();
  encodeSoftmax(gpu, gpuTensor(logits), rows, classes, gpuTensor(probs), probsRow);
};
