import type { GpuOpContext } from '../webgpu/opContext.ts';
import { cpuActivationBackward } from './activationBackward/cpu.ts';
import type { ActivationBackwardOp } from './activationBackward/activationBackward.ts';
import { webgpuActivationBackward } from './activationBackward/webgpu.ts';
import type { AdamStepOp } from './adamStep/adamStep.ts';
import { cpuAdamStep } from './adamStep/cpu.ts';
import { webgpuAdamStep } from './adamStep/webgpu.ts';
import type { AddNoiseOp } from './addNoise/addNoise.ts';
import { cpuAddNoise } from './addNoise/cpu.ts';
import { webgpuAddNoise } from './addNoise/webgpu.ts';
import type { ClassifyOp } from './classify/classify.ts';
import { cpuClassify } from './classify/cpu.ts';
import { webgpuClassify } from './classify/webgpu.ts';
import type { Conv2dOp } from './conv2d/conv2d.ts';
import { cpuConv2d, cpuConv2dInputGrad, cpuConv2dWeightGrad } from './conv2d/cpu.ts';
import { webgpuConv2d, webgpuConv2dInputGrad } from './conv2d/webgpu.ts';
import { webgpuConv2dWeightGrad } from './conv2d/webgpuWeightGrad.ts';
import { cpuDense } from './dense/cpu.ts';
import type { DenseOp } from './dense/dense.ts';
import { webgpuDense } from './dense/webgpu.ts';
import type { DenseStepsOp } from './denseSteps/denseSteps.ts';
import { webgpuDenseSteps } from './denseSteps/webgpu.ts';
import { cpuDropout, cpuDropoutBackward } from './dropout/cpu.ts';
import type { DropoutOp } from './dropout/dropout.ts';
import { webgpuDropout, webgpuDropoutBackward } from './dropout/webgpu.ts';
import { cpuFill } from './fill/cpu.ts';
import type { FillOp } from './fill/fill.ts';
import { webgpuFill } from './fill/webgpu.ts';
import { cpuGather } from './gather/cpu.ts';
import type { GatherOp } from './gather/gather.ts';
import { webgpuGather } from './gather/webgpu.ts';
import { cpuGatherShifted } from './gatherShifted/cpu.ts';
import type { GatherShiftedOp } from './gatherShifted/gatherShifted.ts';
import { webgpuGatherShifted } from './gatherShifted/webgpu.ts';
import { cpuMatmul } from './matmul/cpu.ts';
import type { MatmulOp } from './matmul/matmul.ts';
import { webgpuMatmul } from './matmul/webgpu.ts';
import { cpuMaxPool, cpuMaxPoolBackward } from './maxPool/cpu.ts';
import type { MaxPoolOp } from './maxPool/maxPool.ts';
import { webgpuMaxPool, webgpuMaxPoolBackward } from './maxPool/webgpu.ts';
import { cpuMixBatch } from './mixBatch/cpu.ts';
import type { MixBatchOp } from './mixBatch/mixBatch.ts';
import { webgpuMixBatch } from './mixBatch/webgpu.ts';
import { cpuSgdStep } from './sgdStep/cpu.ts';
import type { SgdStepOp } from './sgdStep/sgdStep.ts';
import { webgpuSgdStep } from './sgdStep/webgpu.ts';
import { cpuSoftmax } from './softmax/cpu.ts';
import type { SoftmaxOp } from './softmax/softmax.ts';
import { webgpuSoftmax } from './softmax/webgpu.ts';
import { cpuSoftmaxCrossEntropy } from './softmaxCrossEntropy/cpu.ts';
import type { SoftmaxCrossEntropyOp } from './softmaxCrossEntropy/softmaxCrossEntropy.ts';
import { webgpuSoftmaxCrossEntropy } from './softmaxCrossEntropy/webgpu.ts';
import { cpuSumRows } from './sumRows/cpu.ts';
import type { SumRowsOp } from './sumRows/sumRows.ts';
import { webgpuSumRows } from './sumRows/webgpu.ts';

/**
 * Every compute op of the Backend contract, each with its doc: the interfaces of the ops'
 * folders joined. Backend extends this, so adding an op edits this file, not backend.ts.
 * (An interface that extends the contracts keeps each method's JSDoc on hover; a type mapped
 * from the OPS value below would lose it.)
 */
export interface ComputeOps
  extends FillOp, GatherOp, GatherShiftedOp, MixBatchOp, MatmulOp, DenseOp, ActivationBackwardOp, DropoutOp, AddNoiseOp,
    SoftmaxCrossEntropyOp, SoftmaxOp, ClassifyOp, Conv2dOp, MaxPoolOp, SumRowsOp, SgdStepOp, AdamStepOp, DenseStepsOp {}

export type OpName = keyof ComputeOps;

/**
 * Where an op's WebGPU-against-CPU parity cases are: `file#builder`, the function in that file
 * that builds them, or the test file alone when it is all about the op.
 */
type Parity = `tests/engine/${string}.ts` | `tests/engine/${string}.ts#${string}`;

/** A required op: the CPU reference and the WebGPU kernel both implement it. */
interface RequiredOp<F> {
  cpu: F;
  /** Called once per backend: the op's method over that backend's GPU context. */
  webgpu: (gpu: GpuOpContext) => F;
  parity: Parity;
}

/** An optional op (a fusion): each backend may leave it out, and callers fall back. */
interface OptionalOp<F> {
  cpu?: F;
  webgpu?: (gpu: GpuOpContext) => F;
  parity: Parity;
}

/** One entry per op of ComputeOps, with what each backend runs for it; the compiler checks every op is here. */
type OpTable = { readonly [K in OpName]-?: undefined extends ComputeOps[K] ? OptionalOp<NonNullable<ComputeOps[K]>> : RequiredOp<ComputeOps[K]> };

const CASES = 'tests/engine/webgpu/opCases.ts';
const CONV_CASES = 'tests/engine/webgpu/convCases.ts';

/** The one place backends list their ops (docs/ops.md is this table in words; a test keeps them in step). */
export const OPS: OpTable = {
  fill: { cpu: cpuFill, webgpu: webgpuFill, parity: `${CASES}#fill` },
  gather: { cpu: cpuGather, webgpu: webgpuGather, parity: `${CASES}#gather` },
  gatherShifted: { cpu: cpuGatherShifted, webgpu: webgpuGatherShifted, parity: 'tests/engine/webgpu/shiftCases.ts#gatherShifted' },
  mixBatch: { cpu: cpuMixBatch, webgpu: webgpuMixBatch, parity: `${CASES}#mixBatch` },
  matmul: { cpu: cpuMatmul, webgpu: webgpuMatmul, parity: `${CASES}#matmul` },
  dense: { cpu: cpuDense, webgpu: webgpuDense, parity: `${CASES}#dense` },
  activationBackward: { cpu: cpuActivationBackward, webgpu: webgpuActivationBackward, parity: `${CASES}#activationBackward` },
  dropout: { cpu: cpuDropout, webgpu: webgpuDropout, parity: `${CASES}#dropout` },
  dropoutBackward: { cpu: cpuDropoutBackward, webgpu: webgpuDropoutBackward, parity: `${CASES}#dropout` },
  addNoise: { cpu: cpuAddNoise, webgpu: webgpuAddNoise, parity: `${CASES}#addNoise` },
  softmaxCrossEntropy: { cpu: cpuSoftmaxCrossEntropy, webgpu: webgpuSoftmaxCrossEntropy, parity: `${CASES}#softmaxCrossEntropy` },
  softmax: { cpu: cpuSoftmax, webgpu: webgpuSoftmax, parity: `${CASES}#softmax` },
  classify: { cpu: cpuClassify, webgpu: webgpuClassify, parity: `${CASES}#classify` },
  conv2d: { cpu: cpuConv2d, webgpu: webgpuConv2d, parity: `${CONV_CASES}#conv2d` },
  conv2dInputGrad: { cpu: cpuConv2dInputGrad, webgpu: webgpuConv2dInputGrad, parity: `${CONV_CASES}#conv2dInputGrad` },
  conv2dWeightGrad: { cpu: cpuConv2dWeightGrad, webgpu: webgpuConv2dWeightGrad, parity: `${CONV_CASES}#conv2dWeightGrad` },
  maxPool: { cpu: cpuMaxPool, webgpu: webgpuMaxPool, parity: `${CONV_CASES}#maxPool` },
  maxPoolBackward: { cpu: cpuMaxPoolBackward, webgpu: webgpuMaxPoolBackward, parity: `${CONV_CASES}#maxPoolBackward` },
  sumRows: { cpu: cpuSumRows, webgpu: webgpuSumRows, parity: `${CASES}#sumRows` },
  sgdStep: { cpu: cpuSgdStep, webgpu: webgpuSgdStep, parity: `${CASES}#sgdStep` },
  adamStep: { cpu: cpuAdamStep, webgpu: webgpuAdamStep, parity: `${CASES}#adamStep` },
  denseSteps: { webgpu: webgpuDenseSteps, parity: 'tests/engine/ops/denseSteps/webgpu.test.ts' },
};

/** The CPU backend's ops: each op's reference, run at once. */
export function cpuOps(): ComputeOps {
  const ops: Partial<Record<OpName, unknown>> = {};
  for (const name of Object.keys(OPS) as OpName[]) if (OPS[name].cpu) ops[name] = OPS[name].cpu;
  // OpTable makes every required op's cpu a ComputeOps method of that name.
  return ops as ComputeOps;
}

/** The WebGPU backend's ops over one backend's GPU context: each op's method, made once. */
export function webgpuOps(gpu: GpuOpContext): ComputeOps {
  const ops: Partial<Record<OpName, unknown>> = {};
  for (const name of Object.keys(OPS) as OpName[]) {
    const make = OPS[name].webgpu;
    if (make) ops[name] = make(gpu);
  }
  return ops as ComputeOps;
}
