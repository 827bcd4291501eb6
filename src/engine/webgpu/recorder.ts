import { EngineError } from '../core/errors.ts';
import type { Arena, Binding } from './arena.ts';
import { BUFFER_USAGE, MAP_MODE_READ } from './flags.ts';
import { writeParams, type Kernel, type ParamValues } from './kernel.ts';
import type { PipelineEntry } from './pipelines.ts';

/** Dispatches one command buffer holds before it is submitted; also the uniform ring's slot count. */
const RING_SLOTS = 4096;

/** Bytes of the error words a kernel may count problems into (gather's out-of-range rows). */
export const ERROR_WORDS = 4;

/** What the recorder has done, for tests and the benchmark. */
export interface RecorderCounters {
  dispatches: number;
  submits: number;
  readbacks: number;
}

/** A dispatch: a pipeline, its Params, a binding per name the pipeline uses, and the workgroup counts. */
export interface Dispatch {
  kernel: Kernel;
  pipeline: PipelineEntry;
  params: ParamValues;
  bindings: Readonly<Record<string, Binding>>;
  workgroups: readonly [number, number?, number?];
}

/**
 * Records dispatches into one compute pass of one command encoder, and submits only when
 * something must leave the GPU (a read), must land in order (a write), or the ring is full.
 *
 * Params are captured at enqueue into a host copy of a uniform ring, one aligned slot per
 * dispatch, bound at a dynamic offset. The ring is uploaded with one writeBuffer just
 * before the submit: queue writes land before the commands submitted after them, so
 * writing a slot between two dispatches of one command buffer would give both the later
 * value. A full ring is submitted and reused: the queue orders that next upload after the
 * earlier submit.
 */
export interface Recorder {
  dispatch(dispatch: Dispatch): void;
  /** Submits what was recorded. */
  flush(): void;
  /** Copies `bytes` of `source` and the error words out, once every recorded dispatch has run. */
  read(source: Binding, bytes: number): Promise<{ data: ArrayBuffer; errors: Uint32Array }>;
  /** Forgets bind groups (a buffer they hold was destroyed). */
  forgetBindGroups(): void;
  /** The storage buffer kernels count errors into. */
  readonly errors: Binding;
  readonly counters: RecorderCounters;
}

export function createRecorder(device: GPUDevice, arena: Arena): Recorder {
  const stride = Math.max(256, device.limits.minUniformBufferOffsetAlignment);
  const ring = arena.createBuffer('uniform ring', RING_SLOTS * stride, BUFFER_USAGE.UNIFORM | BUFFER_USAGE.COPY_DST);
  const shadow = new ArrayBuffer(RING_SLOTS * stride);
  const words = { u32: new Uint32Array(shadow), i32: new Int32Array(shadow), f32: new Float32Array(shadow) };
  const errorBuffer = arena.createBuffer('error counts', 4 * ERROR_WORDS, BUFFER_USAGE.STORAGE | BUFFER_USAGE.COPY_SRC);
  const errors: Binding = { buffer: errorBuffer, id: 0, offset: 0, size: 4 * ERROR_WORDS };
  const staging = createStagingPool(arena);
  const bindGroups = new Map<string, GPUBindGroup>();
  const counters: RecorderCounters = { dispatches: 0, submits: 0, readbacks: 0 };
  let encoder: GPUCommandEncoder | null = null;
  let pass: GPUComputePassEncoder | null = null;
  let slots = 0;
  let batch = 0;

  const beginPass = (): GPUComputePassEncoder => {
    encoder ??= device.createCommandEncoder({ label: `commands ${batch}` });
    pass ??= encoder.beginComputePass({ label: `kernels ${batch}` });
    return pass;
  };
  const endPass = (): GPUCommandEncoder => {
    pass?.end();
    pass = null;
    return (encoder ??= device.createCommandEncoder({ label: `commands ${batch}` }));
  };
  const submit = () => {
    const commands = endPass().finish({ label: `commands ${batch++}` });
    if (slots > 0) device.queue.writeBuffer(ring, 0, shadow, 0, slots * stride);
    device.queue.submit([commands]);
    encoder = null;
    slots = 0;
    counters.submits++;
  };

  const bindGroupOf = (d: Dispatch): GPUBindGroup => {
    let key = `${d.pipeline.id}`;
    for (const decl of d.pipeline.bindings) {
      if (decl.kind === 'uniform') continue;
      const b = d.bindings[decl.name];
      if (!b) throw new EngineError(`Kernel ${d.kernel.label}: no buffer for binding "${decl.name}".`);
      key += `|${b.id}:${b.offset}:${b.size}`;
    }
    let group = bindGroups.get(key);
    if (!group) {
      const entries = d.pipeline.bindings.map((decl): GPUBindGroupEntry => {
        const b = decl.kind === 'uniform' ? { buffer: ring, offset: 0, size: d.kernel.params.size } : d.bindings[decl.name];
        return { binding: decl.binding, resource: { buffer: b.buffer, offset: b.offset, size: b.size } };
      });
      group = device.createBindGroup({ label: `${d.kernel.label} bindings ${key}`, layout: d.pipeline.layout, entries });
      bindGroups.set(key, group);
    }
    return group;
  };

  return {
    dispatch(d) {
      if (slots === RING_SLOTS) submit();
      const group = bindGroupOf(d);
      writeParams(d.kernel, d.params, words, slots * stride);
      const computePass = beginPass();
      computePass.setPipeline(d.pipeline.pipeline);
      computePass.setBindGroup(0, group, [slots * stride]);
      computePass.dispatchWorkgroups(d.workgroups[0], d.workgroups[1] ?? 1, d.workgroups[2] ?? 1);
      slots++;
      counters.dispatches++;
    },
    flush() {
      if (encoder) submit();
    },
    async read(source, bytes) {
      const buffer = staging.take(bytes + 4 * ERROR_WORDS);
      const commands = endPass();
      commands.copyBufferToBuffer(source.buffer, source.offset, buffer, 0, bytes);
      commands.copyBufferToBuffer(errorBuffer, 0, buffer, bytes, 4 * ERROR_WORDS);
      submit();
      counters.readbacks++;
      try {
        await buffer.mapAsync(MAP_MODE_READ, 0, bytes + 4 * ERROR_WORDS);
        const mapped = buffer.getMappedRange(0, bytes + 4 * ERROR_WORDS);
        const data = mapped.slice(0, bytes);
        const errorWords = new Uint32Array(mapped.slice(bytes, bytes + 4 * ERROR_WORDS));
        buffer.unmap();
        staging.give(buffer);
        return { data, errors: errorWords };
      } catch (error) {
        arena.destroyBuffer(buffer);
        throw error;
      }
    },
    forgetBindGroups: () => bindGroups.clear(),
    errors,
    counters,
  };
}

/** Readback buffers by power-of-two size, reused across reads. */
function createStagingPool(arena: Arena) {
  const free = new Map<number, GPUBuffer[]>();
  return {
    take(bytes: number): GPUBuffer {
      const size = Math.max(256, 2 ** Math.ceil(Math.log2(bytes)));
      return free.get(size)?.pop() ?? arena.createBuffer(`readback ${size} B`, size, BUFFER_USAGE.MAP_READ | BUFFER_USAGE.COPY_DST);
    },
    give(buffer: GPUBuffer): void {
      const list = free.get(buffer.size) ?? [];
      list.push(buffer);
      free.set(buffer.size, list);
    },
  };
}
