import { EngineError, type Backend, type ByteTensor, type Tensor } from '../engine/backend.ts';
import type { DeviceRows } from './types.ts';

/** Feature rows uploaded to a backend once; batches are gathered from them on the device. */
class BackendRows implements DeviceRows {
  private disposed = false;
  constructor(
    readonly backend: Backend,
    /** Floats, or image bytes that gathers scale to the same floats. */
    readonly features: Tensor | ByteTensor,
    readonly n: number,
    readonly dim: number,
  ) {}
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.backend.destroy(this.features);
  }
  get isDisposed(): boolean {
    return this.disposed;
  }
}

/** Uploads n rows of `dim` features (row-major x) to the backend. */
export function uploadRows(backend: Backend, x: Float32Array, n: number, dim: number): DeviceRows {
  if (x.length < n * dim) throw new EngineError(`uploadRows: ${n} rows of ${dim} features need ${n * dim} floats, got ${x.length}.`);
  const features = backend.createTensor(Math.max(n * dim, 1), `rows ${n}×${dim}`);
  backend.write(features, x.subarray(0, n * dim));
  return new BackendRows(backend, features, n, dim);
}

/**
 * Uploads n rows of `dim` image pixels as bytes, a quarter of their floats' memory: gathers
 * read byte v as PIXEL_VALUES[v] (v / 255), so the rows train exactly as their floats would.
 */
export function uploadPixelRows(backend: Backend, pixels: Uint8Array, n: number, dim: number): DeviceRows {
  if (pixels.length < n * dim) throw new EngineError(`uploadPixelRows: ${n} rows of ${dim} pixels need ${n * dim} bytes, got ${pixels.length}.`);
  return new BackendRows(backend, backend.createByteTensor(pixels.subarray(0, n * dim), `pixel rows ${n}×${dim}`), n, dim);
}

/** The feature tensor of rows uploaded to `backend` with `dim` features; throws on foreign or disposed rows. */
export function rowFeatures(backend: Backend, rows: DeviceRows, dim: number): Tensor | ByteTensor {
  if (!(rows instanceof BackendRows) || rows.backend !== backend) {
    throw new EngineError('These rows were not uploaded to this network\'s backend: make them with uploadRows(network backend, ...).');
  }
  if (rows.isDisposed) throw new EngineError('These rows were disposed; upload them again.');
  if (rows.dim !== dim) throw new EngineError(`The rows have ${rows.dim} features, the network takes ${dim}.`);
  return rows.features;
}
