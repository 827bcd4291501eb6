// Counts GPU work by wrapping WebGPU's prototypes once, before any engine makes a device, so
// every engine (ours, TensorFlow.js) is measured the same way without its cooperation:
// compute dispatches, buffer reads (mapAsync for READ), and bytes in live GPU buffers.

/** Totals since the page loaded; a row subtracts the totals it started with. */
export interface GpuTotals {
  dispatches: number;
  readbacks: number;
}

export interface GpuCounters {
  totals(): GpuTotals;
  /** Starts a row: its peak is measured from the bytes live now. */
  beginRow(): void;
  /** Peak bytes in live GPU buffers since beginRow, above what was live then. */
  rowPeakBytes(): number;
}

/** Installs the counters; null where the browser has no WebGPU. */
export function installGpuCounters(): GpuCounters | null {
  if (typeof GPUDevice === 'undefined') return null;
  const totals: GpuTotals = { dispatches: 0, readbacks: 0 };
  const bufferBytes = new Map<GPUBuffer, number>();
  // A destroyed device frees its buffers without buffer.destroy(), so buffers are also kept per device.
  const deviceBuffers = new Map<GPUDevice, Set<GPUBuffer>>();
  let liveBytes = 0;
  let rowBase = 0;
  let rowPeak = 0;

  const forget = (buffer: GPUBuffer) => {
    const bytes = bufferBytes.get(buffer);
    if (bytes === undefined) return;
    bufferBytes.delete(buffer);
    liveBytes -= bytes;
  };

  const createBuffer = GPUDevice.prototype.createBuffer;
  GPUDevice.prototype.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor): GPUBuffer {
    const buffer = createBuffer.call(this, descriptor);
    bufferBytes.set(buffer, descriptor.size);
    let buffers = deviceBuffers.get(this);
    if (!buffers) deviceBuffers.set(this, (buffers = new Set()));
    buffers.add(buffer);
    liveBytes += descriptor.size;
    rowPeak = Math.max(rowPeak, liveBytes);
    return buffer;
  };

  const destroyBuffer = GPUBuffer.prototype.destroy;
  GPUBuffer.prototype.destroy = function (this: GPUBuffer): undefined {
    forget(this);
    return destroyBuffer.call(this);
  };

  const destroyDevice = GPUDevice.prototype.destroy;
  GPUDevice.prototype.destroy = function (this: GPUDevice): undefined {
    for (const buffer of deviceBuffers.get(this) ?? []) forget(buffer);
    deviceBuffers.delete(this);
    return destroyDevice.call(this);
  };

  const mapAsync = GPUBuffer.prototype.mapAsync;
  GPUBuffer.prototype.mapAsync = function (this: GPUBuffer, mode: GPUMapModeFlags, offset?: GPUSize64, size?: GPUSize64): Promise<undefined> {
    if (mode & GPUMapMode.READ) totals.readbacks++;
    return mapAsync.call(this, mode, offset, size);
  };

  const pass = GPUComputePassEncoder.prototype;
  const dispatch = pass.dispatchWorkgroups;
  pass.dispatchWorkgroups = function (this: GPUComputePassEncoder, x: GPUSize32, y?: GPUSize32, z?: GPUSize32): undefined {
    totals.dispatches++;
    return dispatch.call(this, x, y, z);
  };
  const dispatchIndirect = pass.dispatchWorkgroupsIndirect;
  pass.dispatchWorkgroupsIndirect = function (this: GPUComputePassEncoder, buffer: GPUBuffer, offset: GPUSize64): undefined {
    totals.dispatches++;
    return dispatchIndirect.call(this, buffer, offset);
  };

  return {
    totals: () => ({ ...totals }),
    beginRow() {
      rowBase = liveBytes;
      rowPeak = liveBytes;
    },
    rowPeakBytes: () => rowPeak - rowBase,
  };
}
