import { EngineError } from '../core/errors.ts';
import { opModels } from '../core/tensor.ts';
import { bindingOf, GpuByteTensor, GpuIndexTensor, GpuTensor, type Binding } from './arena.ts';
import type { Kernel, ParamValues } from './kernel.ts';
import { getPipeline, type PipelineVariant } from './pipelines.ts';
import type { Recorder } from './recorder.ts';

/** What a kernel wrapper needs to enqueue its dispatch. */
export interface KernelContext {
  device: GPUDevice;
  recorder: Recorder;
  /** A software adapter (SwiftShader): kernels with several layouts pick the one it runs fastest. */
  software: boolean;
  /** Bound where a kernel's input slot is unused. */
  unusedInput: Binding;
  /** Bound where output slots are unused: disjoint ranges of another buffer, as writable bindings may not alias. */
  unusedOutputs: readonly Binding[];
}

/** Invocations per workgroup of the element-wise kernels (their `override WG`). */
const ELEMENTWISE_WG = 64;

/** Elements each invocation of a grid-stride kernel walks before another workgroup is added. */
const ELEMENTS_PER_INVOCATION = 8;

/**
 * Workgroups for `count` elements of a grid-stride kernel. Each workgroup takes 512
 * elements or more: a dispatch costs per workgroup on a software adapter, where a
 * playground model's 370 parameters in one workgroup beat six; 100,000 parameters still
 * get 196. Capped below the 65,535-workgroup limit; the stride loop covers the rest.
 */
export function elementwiseGroups(count: number): number {
  return Math.max(1, Math.min(Math.ceil(count / (ELEMENTWISE_WG * ELEMENTS_PER_INVOCATION)), 1024));
}

/**
 * Workgroups along z that share `models` models (each kernel loops over its share, see
 * models.wgsl): one per model on a GPU, where workgroups are cheap and run side by side; one
 * for all on a software adapter, which pays per workgroup launched (on SwiftShader sixteen
 * W1 models train 8× faster in one workgroup than in sixteen, measured in Node).
 */
function modelGroups(context: KernelContext, models: number): number {
  return context.software ? 1 : Math.min(models, 65535);
}

/**
 * Enqueues one dispatch of `kernel` with tensors bound by binding name. Over stacked tensors
 * it runs once per model (see models.wgsl): Params.models is the model count and each bound
 * tensor's model stride goes into its `<binding>Model` field (0 for a shared tensor or an
 * unused slot). workgroups[2], when given, replaces models.wgsl's z count, for a kernel that
 * spreads models otherwise.
 */
export function enqueue(
  context: KernelContext,
  kernel: Kernel,
  variant: PipelineVariant,
  params: ParamValues,
  tensors: Readonly<Record<string, GpuTensor | GpuIndexTensor | GpuByteTensor | Binding>>,
  workgroups: readonly [number, number?, number?],
): void {
  const bindings: Record<string, Binding> = {};
  const values: Record<string, number> = { ...params };
  // Unused slots and shared tensors have stride 0.
  for (const field of kernel.modelFields.values()) values[field] = 0;
  const outputs: GpuTensor[] = [];
  const inputs: GpuTensor[] = [];
  for (const name in tensors) {
    const tensor = tensors[name];
    bindings[name] = tensor instanceof GpuTensor || tensor instanceof GpuIndexTensor || tensor instanceof GpuByteTensor ? bindingOf(tensor) : tensor;
    if (!(tensor instanceof GpuTensor)) continue;
    const field = kernel.modelFields.get(name);
    if (field) values[field] = tensor.modelStride;
    else if (tensor.models > 1) throw new EngineError(`Kernel ${kernel.label} has no model dimension for "${name}" (tensor "${tensor.label}" stacks ${tensor.models} models).`);
    (kernel.writable.has(name) ? outputs : inputs).push(tensor);
  }
  const models = opModels(kernel.label, outputs, inputs);
  if (kernel.countsModels) values.models = models;
  const groups: [number, number, number] = [workgroups[0], workgroups[1] ?? 1, workgroups[2] ?? modelGroups(context, models)];
  context.recorder.dispatch({ kernel, pipeline: getPipeline(context.device, kernel, variant), params: values, bindings, workgroups: groups });
}

/** Throws unless `tensor` holds at least `elements` elements. */
export function checkFits(op: string, name: string, tensor: { size: number }, elements: number): void {
  if (!(Number.isInteger(elements) && elements >= 0)) throw new EngineError(`${op}: ${name} needs a whole number of elements, got ${elements}.`);
  if (tensor.size < elements) throw new EngineError(`${op}: ${name} holds ${tensor.size} elements, the op touches ${elements}.`);
}

/** Whether two tensors bind as disjoint ranges: other buffers, or apart in one (a stacked binding spans every model's slice). */
export function bindsApart(first: GpuTensor, second: GpuTensor): boolean {
  return first.buffer !== second.buffer || first.offset >= second.offset + second.span || second.offset >= first.offset + first.span;
}

/** Two outputs of one dispatch bound as one window: `window` binds as the first, the second starts `secondAt` elements into it. */
export interface SharedWindow {
  window: GpuTensor;
  secondAt: number;
}

/**
 * One binding for two outputs of one buffer, from the first's start to the second's end.
 * A stacked tensor binds from model 0's slice to the last model's, so a layer's weight and
 * bias gradients, views of one stacked gradient buffer, overlap as bindings though no
 * element is shared, and WebGPU refuses overlapping writable bindings in one dispatch; in
 * one window, the second found at its offset, they stay in one dispatch for any model
 * count. Null unless each model's second lies after its first within that model's slice
 * (the parameter layout's order: weights, then bias).
 */
export function sharedWindow(first: GpuTensor, second: GpuTensor): SharedWindow | null {
  const stackedAlike = first.models === second.models && first.modelStride === second.modelStride;
  const follows = second.offset >= first.offset + first.size && (first.models === 1 || second.offset + second.size <= first.offset + first.modelStride);
  if (first.buffer !== second.buffer || !stackedAlike || !follows) return null;
  const size = second.offset + second.size - first.offset;
  return { window: new GpuTensor(first.buffer, first.id, first.offset, size, `${first.label} and ${second.label}`, true, first.models, first.modelStride), secondAt: second.offset - first.offset };
}

/**
 * Throws when an output shares a buffer with an input (WebGPU forbids a buffer bound both
 * read-only and writable in one dispatch) or overlaps another output.
 */
export function checkDistinct(op: string, outputs: readonly GpuTensor[], inputs: readonly (GpuTensor | GpuIndexTensor | GpuByteTensor)[]): void {
  outputs.forEach((out, i) => {
    for (const input of inputs) {
      if (input.buffer === out.buffer) {
        throw new EngineError(`${op}: output "${out.label}" and input "${input.label}" share one GPU buffer; use separate tensors.`);
      }
    }
    for (const other of outputs.slice(i + 1)) {
      if (other.buffer === out.buffer && other.offset < out.offset + out.size && out.offset < other.offset + other.size) {
        throw new EngineError(`${op}: outputs "${out.label}" and "${other.label}" overlap.`);
      }
    }
  });
}
