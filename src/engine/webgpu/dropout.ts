import { dropoutThreshold, streamKeys, type StreamKeys } from '../cpu/random.ts';
import type { GpuTensor } from './arena.ts';
import { checkDistinct, checkFits, elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import random from './random.wgsl?raw';
import source from './dropout.wgsl?raw';

const DROPOUT = defineKernel('dropout', `${random}\n${source}`);

/**
 * Enqueues out = x ⊙ keep / (1 - rate) with the counter-based mask of stream (seed, counter);
 * also the backward op (same mask). out may be x. Rate 0 keeps everything at scale 1: a copy.
 */
export function encodeDropout(context: KernelContext, x: GpuTensor, out: GpuTensor, count: number, rate: number, seed: number, counter: number): void {
  checkFits('dropout', 'x', x, count);
  checkFits('dropout', 'out', out, count);
  const inPlace = x === out;
  if (count === 0 || (inPlace && rate <= 0)) return;
  const keys: StreamKeys = streamKeys(seed, counter, { a: 0, b: 0 });
  // Math.fround: the CPU multiplies by the f32 scale too, so both round x·scale once.
  const scale = rate >= 1 ? 0 : Math.fround(1 / (1 - Math.max(rate, 0)));
  const params = { count, threshold: dropoutThreshold(rate), scale, keyA: keys.a, keyB: keys.b };
  if (inPlace) {
    enqueue(context, DROPOUT, { entryPoint: 'inPlace', uses: ['out'] }, params, { out }, [elementwiseGroups(count)]);
  } else {
    checkDistinct('dropout', [out], [x]);
    enqueue(context, DROPOUT, {}, params, { x, out }, [elementwiseGroups(count)]);
  }
}
