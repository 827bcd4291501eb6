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

/** Rows `start` to `start + n` of uploaded rows, read in place: the view owns nothing, so disposing it frees nothing. */
class RowRange implements DeviceRows {
  constructor(
    readonly whole: BackendRows,
    readonly start: number,
    readonly n: number,
  ) {}
  get dim(): number {
    return this.whole.dim;
  }
  dispose(): void {}
}

/**
 * Rows `start` to `start + count` of `rows` without a copy, for evaluating a large set a part at
 * a time (the labelling pass reports its progress so): each row's prediction is the one the
 * whole set gives it, since evaluation reads every row on its own.
 */
export function rowRange(rows: DeviceRows, start: number, count: number): DeviceRows {
  if (!(rows instanceof BackendRows)) throw new EngineError('rowRange takes rows made by uploadRows or uploadPixelRows.');
  if (!(Number.isInteger(start) && Number.isInteger(count) && start >= 0 && count >= 0 && start + count <= rows.n)) {
    throw new EngineError(`rowRange: rows ${start} to ${start + count} are not within the ${rows.n} rows.`);
  }
  return new RowRange(rows, start, count);
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

/**
 * The feature tensor of rows uploaded to `backend` with `dim` features, and the row of it that
 * `rows` start at (0 but for a rowRange); throws on foreign or disposed rows.
 */
export function rowFeatures(backend: Backend, rows: DeviceRows, dim: number): { features: Tensor | ByteTensor; first: number } {
  if (rows instanceof RowRange) return { features: rowFeatures(backend, rows.whole, dim).features, first: rows.start };
  if (!(rows instanceof BackendRows) || rows.backend !== backend) {
    throw new EngineError('These rows were not uploaded to this network\'s backend: make them with uploadRows(network backend, ...).');
  }
  if (rows.isDisposed) throw new EngineError('These rows were disposed; upload them again.');
  if (rows.dim !== dim) throw new EngineError(`The rows have ${rows.dim} features, the network takes ${dim}.`);
  return { features: rows.features, first: 0 };
}
