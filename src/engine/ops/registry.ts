import type { WasmOpContext } from '../wasm/kernels.ts';
import type { GpuOpContext } from '../webgpu/opContext.ts';
import { cpuActivationBackward } from './activationBackward/cpu.ts';
import type { ActivationBackwardOp } from './activationBackward/activationBackward.ts';
import type { AdamStepOp } from './adamStep/adamStep.ts';
import { cpuAdamStep } from './adamStep/cpu.ts';
import type { AddNoiseOp } from './addNoise/addNoise.ts';
import { cpuAddNoise } from './addNoise/cpu.ts';
import type { ClassifyOp } from './classify/classify.ts';
import { cpuClassify } from './classify/cpu.ts';
import type { Conv2dOp } from './conv2d/conv2d.ts';
import { cpuConv2d, cpuConv2dInputGrad, cpuConv2dWeightGrad } from './conv2d/cpu.ts';
import { cpuDense } from './dense/cpu.ts';
import type { DenseOp } from './dense/dense.ts';
import type { DenseStepsOp } from './denseSteps/denseSteps.ts';
import { cpuDropout, cpuDropoutBackward } from './dropout/cpu.ts';
import type { DropoutOp } from './dropout/dropout.ts';
import { cpuFill } from './fill/cpu.ts';
import type { FillOp } from './fill/fill.ts';
import { cpuGather } from './gather/cpu.ts';
import type { GatherOp } from './gather/gather.ts';
import { cpuGatherShifted } from './gatherShifted/cpu.ts';
import type { GatherShiftedOp } from './gatherShifted/gatherShifted.ts';
import { cpuGatherRotated } from './gatherRotated/cpu.ts';
import type { GatherRotatedOp } from './gatherRotated/gatherRotated.ts';
import { cpuMatmul } from './matmul/cpu.ts';
import type { MatmulOp } from './matmul/matmul.ts';
import { cpuMaxPool, cpuMaxPoolBackward } from './maxPool/cpu.ts';
import type { MaxPoolOp } from './maxPool/maxPool.ts';
import { cpuMixBatch } from './mixBatch/cpu.ts';
import type { MixBatchOp } from './mixBatch/mixBatch.ts';
import { cpuReconstructionLoss } from './reconstructionLoss/cpu.ts';
import type { ReconstructionLossOp } from './reconstructionLoss/reconstructionLoss.ts';
import { cpuSgdStep } from './sgdStep/cpu.ts';
import type { SgdStepOp } from './sgdStep/sgdStep.ts';
import { cpuSoftmax } from './softmax/cpu.ts';
import type { SoftmaxOp } from './softmax/softmax.ts';
import { cpuSoftmaxCrossEntropy } from './softmaxCrossEntropy/cpu.ts';
import type { SoftmaxCrossEntropyOp } from './softmaxCrossEntropy/softmaxCrossEntropy.ts';
import { cpuSumRows } from './sumRows/cpu.ts';
import type { SumRowsOp } from './sumRows/sumRows.ts';

/**
 * Every compute op of the Backend contract, each with its doc: the interfaces of the ops'
 * folders joined. Backend extends this, so adding an op edits this file, not backend.ts.
 * (An interface that extends the contracts keeps each method's JSDoc on hover; a type mapped
 * from the OPS value below would lose it.)
 */
export interface ComputeOps
  extends FillOp, GatherOp, GatherShiftedOp, GatherRotatedOp, MixBatchOp, MatmulOp, DenseOp, ActivationBackwardOp, DropoutOp, AddNoiseOp,
    SoftmaxCrossEntropyOp, ReconstructionLossOp, SoftmaxOp, ClassifyOp, Conv2dOp, MaxPoolOp, SumRowsOp, SgdStepOp, AdamStepOp, DenseStepsOp {}

export type OpName = keyof ComputeOps;

/**
 * Where an op's WebGPU-against-CPU parity cases are: `file#builder`, the function in that file
 * that builds them, or the test file alone when it is all about the op.
 */
type Parity = `tests/engine/${string}.ts` | `tests/engine/${string}.ts#${string}`;

/**
 * An op's WebGPU method, made once per backend over its GPU context. It is loaded with the
 * WebGPU backend, never with the CPU's: the kernels' `.wgsl?raw` sources need Vite or the
 * Node loader in webgpu/node/, and the page fetches them only when it runs on WebGPU.
 */
type WebGpuOp<F> = () => Promise<(gpu: GpuOpContext) => F>;

/**
 * An op's WebAssembly method, made once per backend over its instance of the kernels; loaded
 * with the WebAssembly backend, like the WebGPU column. Absent, that backend runs the CPU
 * reference on its tensors (they are CpuTensors over its memory), so every op runs there.
 */
type WasmOp<F> = () => Promise<(wasm: WasmOpContext) => F>;

/** A required op: the CPU reference and the WebGPU kernel both implement it; a WebAssembly kernel may. */
interface RequiredOp<F> {
  cpu: F;
  webgpu: WebGpuOp<F>;
  wasm?: WasmOp<F>;
  parity: Parity;
}

/** An optional op (a fusion): each backend may leave it out, and callers fall back. */
interface OptionalOp<F> {
  cpu?: F;
  webgpu?: WebGpuOp<F>;
  wasm?: WasmOp<F>;
  parity: Parity;
}

/** One entry per op of ComputeOps, with what each backend runs for it; the compiler checks every op is here. */
type OpTable = { readonly [K in OpName]-?: undefined extends ComputeOps[K] ? OptionalOp<NonNullable<ComputeOps[K]>> : RequiredOp<ComputeOps[K]> };

const CASES = 'tests/engine/webgpu/opCases.ts';
const CONV_CASES = 'tests/engine/webgpu/convCases.ts';

/** The one place backends list their ops (docs/ops.md is this table in words; a test keeps them in step). */
export const OPS: OpTable = {
  fill: {
    cpu: cpuFill,
    webgpu: () => import('./fill/webgpu.ts').then((m) => m.webgpuFill),
    parity: `${CASES}#fill`,
  },
  gather: {
    cpu: cpuGather,
    webgpu: () => import('./gather/webgpu.ts').then((m) => m.webgpuGather),
    wasm: () => import('./gather/wasm.ts').then((m) => m.wasmGather),
    parity: `${CASES}#gather`,
  },
  gatherShifted: {
    cpu: cpuGatherShifted,
    webgpu: () => import('./gatherShifted/webgpu.ts').then((m) => m.webgpuGatherShifted),
    parity: 'tests/engine/webgpu/shiftCases.ts#gatherShifted',
  },
  gatherRotated: {
    cpu: cpuGatherRotated,
    webgpu: () => import('./gatherRotated/webgpu.ts').then((m) => m.webgpuGatherRotated),
    parity: 'tests/engine/webgpu/pretextCases.ts#gatherRotated',
  },
  mixBatch: {
    cpu: cpuMixBatch,
    webgpu: () => import('./mixBatch/webgpu.ts').then((m) => m.webgpuMixBatch),
    parity: `${CASES}#mixBatch`,
  },
  matmul: {
    cpu: cpuMatmul,
    webgpu: () => import('./matmul/webgpu.ts').then((m) => m.webgpuMatmul),
    wasm: () => import('./matmul/wasm.ts').then((m) => m.wasmMatmul),
    parity: `${CASES}#matmul`,
  },
  dense: {
    cpu: cpuDense,
    webgpu: () => import('./dense/webgpu.ts').then((m) => m.webgpuDense),
    wasm: () => import('./dense/wasm.ts').then((m) => m.wasmDense),
    parity: `${CASES}#dense`,
  },
  activationBackward: {
    cpu: cpuActivationBackward,
    webgpu: () => import('./activationBackward/webgpu.ts').then((m) => m.webgpuActivationBackward),
    wasm: () => import('./activationBackward/wasm.ts').then((m) => m.wasmActivationBackward),
    parity: `${CASES}#activationBackward`,
  },
  dropout: {
    cpu: cpuDropout,
    webgpu: () => import('./dropout/webgpu.ts').then((m) => m.webgpuDropout),
    parity: `${CASES}#dropout`,
  },
  dropoutBackward: {
    cpu: cpuDropoutBackward,
    webgpu: () => import('./dropout/webgpu.ts').then((m) => m.webgpuDropoutBackward),
    parity: `${CASES}#dropout`,
  },
  addNoise: {
    cpu: cpuAddNoise,
    webgpu: () => import('./addNoise/webgpu.ts').then((m) => m.webgpuAddNoise),
    parity: `${CASES}#addNoise`,
  },
  softmaxCrossEntropy: {
    cpu: cpuSoftmaxCrossEntropy,
    webgpu: () => import('./softmaxCrossEntropy/webgpu.ts').then((m) => m.webgpuSoftmaxCrossEntropy),
    parity: `${CASES}#softmaxCrossEntropy`,
  },
  reconstructionLoss: {
    cpu: cpuReconstructionLoss,
    webgpu: () => import('./reconstructionLoss/webgpu.ts').then((m) => m.webgpuReconstructionLoss),
    wasm: () => import('./reconstructionLoss/wasm.ts').then((m) => m.wasmReconstructionLoss),
    parity: 'tests/engine/webgpu/pretextCases.ts#reconstructionLoss',
  },
  softmax: {
    cpu: cpuSoftmax,
    webgpu: () => import('./softmax/webgpu.ts').then((m) => m.webgpuSoftmax),
    parity: `${CASES}#softmax`,
  },
  classify: {
    cpu: cpuClassify,
    webgpu: () => import('./classify/webgpu.ts').then((m) => m.webgpuClassify),
    parity: `${CASES}#classify`,
  },
  conv2d: {
    cpu: cpuConv2d,
    webgpu: () => import('./conv2d/webgpu.ts').then((m) => m.webgpuConv2d),
    wasm: () => import('./conv2d/wasm.ts').then((m) => m.wasmConv2d),
    parity: `${CONV_CASES}#conv2d`,
  },
  conv2dInputGrad: {
    cpu: cpuConv2dInputGrad,
    webgpu: () => import('./conv2d/webgpu.ts').then((m) => m.webgpuConv2dInputGrad),
    wasm: () => import('./conv2d/wasm.ts').then((m) => m.wasmConv2dInputGrad),
    parity: `${CONV_CASES}#conv2dInputGrad`,
  },
  conv2dWeightGrad: {
    cpu: cpuConv2dWeightGrad,
    webgpu: () => import('./conv2d/webgpuWeightGrad.ts').then((m) => m.webgpuConv2dWeightGrad),
    wasm: () => import('./conv2d/wasm.ts').then((m) => m.wasmConv2dWeightGrad),
    parity: `${CONV_CASES}#conv2dWeightGrad`,
  },
  maxPool: {
    cpu: cpuMaxPool,
    webgpu: () => import('./maxPool/webgpu.ts').then((m) => m.webgpuMaxPool),
    wasm: () => import('./maxPool/wasm.ts').then((m) => m.wasmMaxPool),
    parity: `${CONV_CASES}#maxPool`,
  },
  maxPoolBackward: {
    cpu: cpuMaxPoolBackward,
    webgpu: () => import('./maxPool/webgpu.ts').then((m) => m.webgpuMaxPoolBackward),
    wasm: () => import('./maxPool/wasm.ts').then((m) => m.wasmMaxPoolBackward),
    parity: `${CONV_CASES}#maxPoolBackward`,
  },
  sumRows: {
    cpu: cpuSumRows,
    webgpu: () => import('./sumRows/webgpu.ts').then((m) => m.webgpuSumRows),
    wasm: () => import('./sumRows/wasm.ts').then((m) => m.wasmSumRows),
    parity: `${CASES}#sumRows`,
  },
  sgdStep: {
    cpu: cpuSgdStep,
    webgpu: () => import('./sgdStep/webgpu.ts').then((m) => m.webgpuSgdStep),
    parity: `${CASES}#sgdStep`,
  },
  adamStep: {
    cpu: cpuAdamStep,
    webgpu: () => import('./adamStep/webgpu.ts').then((m) => m.webgpuAdamStep),
    wasm: () => import('./adamStep/wasm.ts').then((m) => m.wasmAdamStep),
    parity: `${CASES}#adamStep`,
  },
  denseSteps: {
    webgpu: () => import('./denseSteps/webgpu.ts').then((m) => m.webgpuDenseSteps),
    parity: 'tests/engine/ops/denseSteps/webgpu.test.ts',
  },
};

/** The CPU backend's ops: each op's reference, run at once. */
export function cpuOps(): ComputeOps {
  const ops: Partial<Record<OpName, unknown>> = {};
  for (const name of Object.keys(OPS) as OpName[]) if (OPS[name].cpu) ops[name] = OPS[name].cpu;
  // OpTable makes every required op's cpu a ComputeOps method of that name.
  return ops as ComputeOps;
}

/** Loads every op's WebGPU method; the result makes the WebGPU backend's ops over one backend's GPU context. */
export async function loadWebGpuOps(): Promise<(gpu: GpuOpContext) => ComputeOps> {
  const names = (Object.keys(OPS) as OpName[]).filter((name) => OPS[name].webgpu);
  const makers = await Promise.all(names.map((name) => OPS[name].webgpu?.()));
  return (gpu) => {
    const ops: Partial<Record<OpName, unknown>> = {};
    names.forEach((name, i) => (ops[name] = makers[i]?.(gpu)));
    return ops as ComputeOps;
  };
}

/**
 * Loads every op's WebAssembly method; the result makes the WebAssembly backend's ops over one
 * instance of the kernels: those methods, and the CPU reference for every op without one.
 */
export async function loadWasmOps(): Promise<(wasm: WasmOpContext) => ComputeOps> {
  const names = (Object.keys(OPS) as OpName[]).filter((name) => OPS[name].wasm);
  const makers = await Promise.all(names.map((name) => OPS[name].wasm?.()));
  return (wasm) => {
    const ops: Partial<Record<OpName, unknown>> = { ...cpuOps() };
    names.forEach((name, i) => (ops[name] = makers[i]?.(wasm)));
    return ops as ComputeOps;
  };
}
