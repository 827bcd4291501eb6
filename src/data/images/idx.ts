/** Reads the IDX files MNIST ships in (big-endian header, then raw uint8 data). */
import { IMAGE_SIDE } from './format.ts';

/** An IDX file that is not the uint8 images or labels expected. */
export class IdxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdxError';
  }
}

const UINT8_TYPE = 0x08;

/** The pixels of an idx3-ubyte image file: count × 28 × 28 bytes. */
export function readIdxImages(bytes: Uint8Array, name: string): { count: number; pixels: Uint8Array } {
  const dims = readHeader(bytes, 3, name);
  if (dims[1] !== IMAGE_SIDE || dims[2] !== IMAGE_SIDE) throw new IdxError(`${name} holds ${dims[1]}×${dims[2]} images, not ${IMAGE_SIDE}×${IMAGE_SIDE}`);
  return { count: dims[0], pixels: body(bytes, 16, dims[0] * IMAGE_SIDE * IMAGE_SIDE, name) };
}

/** The labels of an idx1-ubyte label file. */
export function readIdxLabels(bytes: Uint8Array, name: string): Uint8Array {
  const [count] = readHeader(bytes, 1, name);
  return body(bytes, 8, count, name);
}

function readHeader(bytes: Uint8Array, rank: number, name: string): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 + 4 * rank || view.getUint16(0) !== 0 || bytes[2] !== UINT8_TYPE || bytes[3] !== rank) {
    throw new IdxError(`${name} is not an IDX file of uint8 data with ${rank} dimension${rank > 1 ? 's' : ''}`);
  }
  return Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
}

function body(bytes: Uint8Array, offset: number, length: number, name: string): Uint8Array {
  if (bytes.length !== offset + length) throw new IdxError(`${name} holds ${bytes.length - offset} data bytes, its header says ${length}`);
  return bytes.subarray(offset);
}
