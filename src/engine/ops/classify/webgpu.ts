import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import source from './classify.wgsl?raw';
import { CLASSIFY, type ClassifyOp } from './classify.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const CLASSIFY_KERNEL = defineKernel('classify', source);

/** Enqueues out[outRow + r] = (class, probability) of softmax(logits[r]) for r < rows (Backend.classify). */
export function encodeClassify(context: KernelContext, logits: GpuTensor, rows: number, classes: number, out: GpuTensor, outRow: number): void {
  checkFits('classify', 'logits', logits, rows * classes);
  checkFits('classify', 'out', out, (outRow + rows) * CLASSIFY.size);
  checkDistinct('classify', [out], [logits]);
  if (rows === 0 || classes === 0) return;
  enqueue(context, CLASSIFY_KERNEL, {}, { rows, classes, outRow }, { logits, out }, [elementwiseGroups(rows)]);
}

export const webgpuClassify = (gpu: GpuOpContext): ClassifyOp['classify'] => (logits, rows, classes, out, outRow) => {
  gpu.begin();
  encodeClassify(gpu, gpuTensor(logits), rows, classes, gpuTensor(out), outRow);
};
