import { EngineError } from '../core/errors.ts';

/** Where WebGPU ships, for the message a person sees when it is missing. */
export const WEBGPU_BROWSERS =
  'WebGPU runs in Chrome and Edge 113+ on Windows, macOS and ChromeOS, Chrome 121+ on Android, Safari 26+ and Firefox 141+ on Windows; ' +
  'on Linux, Chrome needs the enable-unsafe-webgpu flag.';

/** Why no GPU device could be had. */
export type NoGpuReason = 'no-api' | 'no-adapter' | 'no-device';

/** No WebGPU here: the message says why and where it would work; the CPU backend is the fallback. */
export class NoGpuError extends EngineError {
  override name = 'NoGpuError';
  constructor(
    readonly reason: NoGpuReason,
    detail: string,
  ) {
    super(`${detail} ${WEBGPU_BROWSERS}`);
  }
}

/** The device went away (driver reset, tab in the background too long, device.destroy()). */
export class GpuDeviceLostError extends EngineError {
  override name = 'GpuDeviceLostError';
  constructor(readonly loss: GpuLoss) {
    super(`The GPU device was lost (${loss.reason}): ${loss.message || 'no details'}. Start again on a new device or on the CPU.`);
  }
}

/** What `device.lost` said. 'destroyed' means this page destroyed it on purpose. */
export interface GpuLoss {
  reason: 'destroyed' | 'unknown';
  message: string;
}

/** What the adapter says about itself, for the page and the CLI. */
export interface AdapterDescription {
  vendor: string;
  architecture: string;
  description: string;
  /** A software rasterizer (SwiftShader, llvmpipe, WARP): correct but slow. */
  software: boolean;
  /** One line: "google swiftshader (software)". */
  summary: string;
}

/** An acquired device with its description and its loss as a promise (resolves once, never rejects). */
export interface Gpu {
  gpu: GPU;
  adapter: GPUAdapter;
  device: GPUDevice;
  description: AdapterDescription;
  lost: Promise<GpuLoss>;
}

/**
 * Keeps each device's GPU entry point alive as long as the device: in Node, the `webgpu`
 * package's instance may otherwise be garbage-collected under a live device, and its next
 * event poll crashes the process.
 */
const OWNERS = new WeakMap<GPUDevice, { gpu: GPU; adapter: GPUAdapter }>();

/** The GPU entry point of this context (window or worker), if it has one. */
export function navigatorGpu(): GPU | undefined {
  return (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
}

/**
 * An adapter (high-performance preferred) and a device whose storage limits are the
 * adapter's own, so a dataset larger than the 128 MiB default binding still fits.
 * `gpu` defaults to navigator.gpu; in Node pass `create([])` of the `webgpu` package.
 */
export async function requestGpu(gpu: GPU | undefined = navigatorGpu()): Promise<Gpu> {
  if (!gpu) throw new NoGpuError('no-api', 'This browser has no WebGPU (navigator.gpu is missing).');
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new NoGpuError('no-adapter', 'WebGPU is present but found no usable GPU adapter (blocklisted driver, or no GPU).');
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({
      label: 'autodidact device',
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
  } catch (error) {
    throw new NoGpuError('no-device', `The GPU adapter refused a device: ${error instanceof Error ? error.message : String(error)}.`);
  }
  OWNERS.set(device, { gpu, adapter });
  const lost = device.lost.then((info): GpuLoss => ({ reason: info.reason === 'destroyed' ? 'destroyed' : 'unknown', message: info.message }));
  return { gpu, adapter, device, description: describeAdapter(adapter), lost };
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|warp|basic render/i;

/** Vendor, architecture and whether it is a software adapter, from adapter.info. */
export function describeAdapter(adapter: GPUAdapter): AdapterDescription {
  const info = adapter.info;
  // isFallbackAdapter moved from the adapter to its info; read both.
  const fallback = (info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false;
  const vendor = info.vendor || 'unknown vendor';
  const architecture = info.architecture || '';
  const description = info.description || info.device || '';
  const software = fallback || SOFTWARE.test(`${architecture} ${description} ${info.device}`);
  const name = [vendor, architecture].filter(Boolean).join(' ');
  return { vendor, architecture, description, software, summary: `${name} (${software ? 'software' : 'hardware'})` };
}

/**
 * Tracks device.lost, so ops after a loss throw GpuDeviceLostError instead of failing
 * obscurely, and the device's uncaptured errors (a validation error means wrong numbers),
 * which the next read throws.
 */
/**
 * How long a failed GPU promise waits for device.lost before its own error stands: Chromium
 * rejects a pending mapAsync ("AbortError") as soon as device.destroy() runs, and resolves
 * device.lost only a few tasks later.
 */
export const LOSS_GRACE_MS = 1000;

export function watchDevice(device: GPUDevice) {
  let loss: GpuLoss | null = null;
  let uncaptured: string | null = null;
  const lost = device.lost.then((info): GpuLoss => {
    loss = { reason: info.reason === 'destroyed' ? 'destroyed' : 'unknown', message: info.message };
    return loss;
  });
  const onError = (event: Event) => {
    uncaptured ??= (event as GPUUncapturedErrorEvent).error?.message ?? 'unknown error';
  };
  device.addEventListener('uncapturederror', onError);
  const lostError = (l: GpuLoss) => new GpuDeviceLostError(l);
  const rejectOnLoss = lost.then((l): never => {
    throw lostError(l);
  });
  rejectOnLoss.catch(() => {});
  return {
    lost,
    /**
     * `work`'s value, or GpuDeviceLostError once the device is lost: a pending readback
     * (mapAsync, onSubmittedWorkDone) may never settle after a loss, or fail first with an
     * AbortError that would read as a cancelled run. A failure followed by a loss within
     * LOSS_GRACE_MS is the loss.
     */
    async settle<T>(work: Promise<T>): Promise<T> {
      work.catch(() => {});
      try {
        return await Promise.race([work, rejectOnLoss]);
      } catch (error) {
        if (error instanceof GpuDeviceLostError) throw error;
        if (loss) throw lostError(loss);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = await Promise.race([lost, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), LOSS_GRACE_MS)))]);
        clearTimeout(timer);
        if (late) throw lostError(late);
        throw error;
      }
    },
    get isLost() {
      return loss !== null;
    },
    lostError: () => (loss ? new GpuDeviceLostError(loss) : null),
    check() {
      if (loss) throw new GpuDeviceLostError(loss);
    },
    /** Throws the first uncaptured WebGPU error since the last call. */
    checkUncaptured() {
      const message = uncaptured;
      uncaptured = null;
      if (message) throw new EngineError(`WebGPU reported an error, so results may be wrong: ${message}`);
    },
    dispose: () => device.removeEventListener('uncapturederror', onError),
  };
}
