import { gpuTensor, type GpuTensor } from '../../webgpu/arena.ts';
import { checkDistinct, checkFits, enqueue, type KernelContext } from '../../webgpu/context.ts';
import { defineKernel } from '../../webgpu/kernel.ts';
import { STATS } from '../softmaxCrossEntropy/softmaxCrossEntropy.ts';
import source from './reconstructionLoss.wgsl?raw';
import type { ReconstructionLossOp } from './reconstructionLoss.ts';
import type { GpuOpContext } from '../../webgpu/opContext.ts';

const RECONSTRUCTION_LOSS = defineKernel('reconstructionLoss', source);

/**
 * Invocations of a model's one workgroup (the shader's WG, a power of two): on a GPU 256, the
 * most WebGPU guarantees, as that workgroup walks every element of the batch (64 rows of 784
 * pixels are 50,176); 4 on a software adapter, one SIMD group that meets the reductions'
 * barriers without switching, as softmaxCrossEntropy's (on SwiftShader in Node, 64 rows of
 * 784 ran about 1.7× faster with 4 than with 256).
 */
const GPU_WG = 256;
const SOFTWARE_WG = 4;

/**
 * Enqueues the fused squared errors, gradient and stats of a batch (see
 * Backend.reconstructionLoss): one workgroup per model, so the batch sums need no second pass.
 */
export function encodeReconstructionLoss(
  context: KernelContext,
  outputs: GpuTensor,
  targets: GpuTensor,
  weights: GpuTensor,
  rows: number,
  dim: number,
  dOutputs: GpuTensor,
  stats: GpuTensor,
): void {
  const op = 'reconstructionLoss';
  checkFits(op, 'outputs', outputs, rows * dim);
  checkFits(op, 'targets', targets, rows * dim);
  checkFits(op, 'weights', weights, rows);
  checkFits(op, 'dOutputs', dOutputs, rows * dim);
  checkFits(op, 'stats', stats, STATS.size);
  checkDistinct(op, [dOutputs, stats], [outputs, targets, weights]);
  enqueue(context, RECONSTRUCTION_LOSS, { constants: { WG: context.software ? SOFTWARE_WG : GPU_WG } }, { rows, dim }, { outputs, targets, weights, dOutputs, stats }, [1]);
}

export const webgpuReconstructionLoss = (gpu: GpuOpContext): ReconstructionLossOp['reconstructionLoss'] => (outputs, targets, weights, rows, dim, dOutputs, stats) => {
  gpu.begin();
  const [o, t, w, d, s] = [outputs, targets, weights, dOutputs, stats].map(gpuTensor);
  encodeReconstructionLoss(gpu, o, t, w, rows, dim, d, s);
};
