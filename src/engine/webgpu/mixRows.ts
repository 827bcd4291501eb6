import { checkMixRows } from '../cpu/mix.ts';
import { streamKeys } from '../cpu/random.ts';
import type { GpuTensor } from './arena.ts';
import { elementwiseGroups, enqueue, type KernelContext } from './context.ts';
import { defineKernel } from './kernel.ts';
import random from './random.wgsl?raw';
import source from './mixRows.wgsl?raw';

const MIX_ROWS = defineKernel('mixRows', `${random}\n${source}`);

/** Enqueues mixup of `rows` rows of `dim` values in place (see Backend.mixRows). */
export function encodeMixRows(context: KernelContext, x: GpuTensor, dim: number, rows: number, seed: number, counter: number): void {
  checkMixRows(x.size, dim, rows);
  const pairs = Math.floor(rows / 2);
  if (pairs === 0 || dim === 0) return;
  const keys = streamKeys(seed, counter, { a: 0, b: 0 });
  enqueue(context, MIX_ROWS, {}, { rows, dim, keyA: keys.a, keyB: keys.b }, { x }, [elementwiseGroups(pairs * dim)]);
}
