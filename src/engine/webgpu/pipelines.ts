import { SHADER_STAGE_COMPUTE } from './flags.ts';
import type { BindingDecl, Kernel } from './kernel.ts';

/** A compiled kernel variant and the layout its bind groups are made against. */
export interface PipelineEntry {
  /** Unique per device, a key for bind group caches. */
  id: number;
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
  /** The bindings this variant uses, in layout order. */
  bindings: readonly BindingDecl[];
}

/** Which entry point, which bindings of the kernel it uses, and the override constants it is compiled with. */
export interface PipelineVariant {
  entryPoint?: string;
  /** Binding names the entry point uses; all of the kernel's when omitted. */
  uses?: readonly string[];
  constants?: Readonly<Record<string, number>>;
}

interface DeviceCache {
  modules: Map<Kernel, GPUShaderModule>;
  pipelines: Map<string, PipelineEntry>;
}

/** Pipelines are compiled once per device and variant (compilation costs up to a second on a software adapter). */
const CACHE = new WeakMap<GPUDevice, DeviceCache>();

/** The pipeline of `kernel` in `variant` on `device`, compiled on first use. */
export function getPipeline(device: GPUDevice, kernel: Kernel, variant: PipelineVariant = {}): PipelineEntry {
  let cache = CACHE.get(device);
  if (!cache) {
    cache = { modules: new Map(), pipelines: new Map() };
    CACHE.set(device, cache);
  }
  const entryPoint = variant.entryPoint ?? 'main';
  const constants = variant.constants ?? {};
  const key = `${kernel.label}:${entryPoint}:${(variant.uses ?? []).join(',')}:${JSON.stringify(constants)}`;
  const cached = cache.pipelines.get(key);
  if (cached) return cached;

  let module = cache.modules.get(kernel);
  if (!module) {
    module = device.createShaderModule({ label: `${kernel.label}.wgsl`, code: kernel.source });
    cache.modules.set(kernel, module);
  }
  const uses = variant.uses;
  const bindings = kernel.bindings.filter((b) => b.kind === 'uniform' || !uses || uses.includes(b.name));
  const label = `${kernel.label} ${entryPoint} ${JSON.stringify(constants)}`;
  const layout = device.createBindGroupLayout({ label: `${label} bindings`, entries: bindings.map(layoutEntry) });
  const pipeline = device.createComputePipeline({
    label,
    layout: device.createPipelineLayout({ label: `${label} layout`, bindGroupLayouts: [layout] }),
    compute: { module, entryPoint, constants },
  });
  const entry: PipelineEntry = { id: cache.pipelines.size, pipeline, layout, bindings };
  cache.pipelines.set(key, entry);
  return entry;
}

/** Params are bound at a dynamic offset into the uniform ring, so one bind group serves every dispatch. */
function layoutEntry(decl: BindingDecl): GPUBindGroupLayoutEntry {
  const buffer: GPUBufferBindingLayout = decl.kind === 'uniform' ? { type: 'uniform', hasDynamicOffset: true } : { type: decl.kind };
  return { binding: decl.binding, visibility: SHADER_STAGE_COMPUTE, buffer };
}
