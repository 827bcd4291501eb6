import { defineKernel, type Kernel } from '../../webgpu/kernel.ts';
import random from '../shared/random.wgsl?raw';
import { sourceDeclaration } from './pixelSource.ts';
import sourceRow from './sourceRow.wgsl?raw';

/** WebGPU's default maxComputeWorkgroupsPerDimension: an image gather with more rows strides. */
const MAX_GROUPS = 65535;

/**
 * The two kernels of an image gather that moves each row by its own random draw (a shift, a
 * turn): `body` over float rows, and over image bytes read as pixel values (`<label>Bytes`).
 * Each has the counter-based stream (shared/random.wgsl) and `src`, binding 2, with its row reader.
 */
export function imageGatherKernels(label: string, body: string): { floats: Kernel; bytes: Kernel } {
  const kernel = (bytes: boolean) => defineKernel(bytes ? `${label}Bytes` : label, `${random}\n${sourceDeclaration('src', 2, bytes)}\n${sourceRow}\n${body}`);
  return { floats: kernel(false), bytes: kernel(true) };
}

/** The workgroups an image gather of `rows` rows dispatches: one a row, striding past the limit. */
export const imageGatherGroups = (rows: number): [number] => [Math.min(rows, MAX_GROUPS)];
