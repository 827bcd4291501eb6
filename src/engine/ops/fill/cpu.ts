import { cpuTensor } from '../../cpu/tensor.ts';
import type { FillOp } from './fill.ts';

/** The op on the CPU: every model's slice filled. */
export const cpuFill: FillOp['fill'] = (tensor, value) => cpuTensor(tensor).slices.forEach((data) => data.fill(value));
