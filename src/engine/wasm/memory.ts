import { EngineError } from '../core/errors.ts';

const PAGE = 65536;
/** Blocks start at multiples of 64 bytes (a cache line, and any SIMD load's alignment). */
const ALIGN = 64;
/** The first page is the module's (its data, should it ever have any); tensors start above it. */
const RESERVED = PAGE;
/** 4 GiB, wasm32's whole address space, in pages. */
const MAXIMUM_PAGES = 65536;

/** A block of the memory: `bytes` from byte `at`. */
interface Block {
  at: number;
  bytes: number;
}

/**
 * The WebAssembly memory the runtime owns, and a first-fit allocator over it with neighbours
 * merged on free. It grows by whole pages when no free block fits; growing replaces
 * `memory.buffer`, so `generation` counts the growths and tensors renew their arrays when it
 * moves. A shared memory (the kernel threads') keeps its old buffers whole, but they stay the
 * old size, so the same renewal holds.
 */
export interface WasmMemory {
  readonly memory: WebAssembly.Memory;
  /** Bumped each time the memory grows (every array over the old buffer is then empty, or too short). */
  readonly generation: number;
  /** A zeroed block of at least `bytes`; returns its byte offset. */
  allocate(bytes: number, label: string): number;
  /** The size in bytes of the allocated block at `at`; 0 for none. */
  sizeOf(at: number): number;
  /** Returns a block from `allocate` to the free list. */
  free(at: number): void;
}

/** A memory of `initialPages` pages at first, shared between threads when `shared` (which needs cross-origin isolation in a page). */
export function createWasmMemory(initialPages = 16, shared = false): WasmMemory {
  const memory = new WebAssembly.Memory({ initial: Math.max(initialPages, 2), maximum: MAXIMUM_PAGES, shared });
  /** Free blocks below `top`, sorted by `at`. */
  const freeBlocks: Block[] = [];
  const sizes = new Map<number, number>();
  let top = RESERVED;
  let generation = 0;

  function take(bytes: number, label: string): number {
    const index = freeBlocks.findIndex((block) => block.bytes >= bytes);
    if (index >= 0) {
      const block = freeBlocks[index];
      const at = block.at;
      if (block.bytes === bytes) freeBlocks.splice(index, 1);
      else freeBlocks[index] = { at: at + bytes, bytes: block.bytes - bytes };
      return at;
    }
    const at = top;
    const end = at + bytes;
    if (end > MAXIMUM_PAGES * PAGE) throw new EngineError(`Tensor "${label}" (${bytes} bytes) does not fit in WebAssembly's 4 GiB of memory.`);
    if (end > memory.buffer.byteLength) {
      // Grow at least by half again, so a run of allocations grows the memory a few times, not once each.
      const pages = Math.min(MAXIMUM_PAGES, Math.max(Math.ceil(end / PAGE), Math.ceil((memory.buffer.byteLength * 1.5) / PAGE)));
      memory.grow(pages - memory.buffer.byteLength / PAGE);
      generation++;
    }
    top = end;
    return at;
  }

  return {
    memory,
    get generation() {
      return generation;
    },
    allocate(bytes, label) {
      const rounded = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
      const at = take(rounded, label);
      new Uint8Array(memory.buffer, at, rounded).fill(0);
      sizes.set(at, rounded);
      return at;
    },
    sizeOf: (at) => sizes.get(at) ?? 0,
    free(at) {
      const bytes = sizes.get(at);
      if (bytes === undefined) return;
      sizes.delete(at);
      let index = freeBlocks.findIndex((block) => block.at > at);
      if (index < 0) index = freeBlocks.length;
      freeBlocks.splice(index, 0, { at, bytes });
      const next = freeBlocks[index + 1];
      if (next && at + bytes === next.at) freeBlocks.splice(index, 2, { at, bytes: bytes + next.bytes });
      const previous = freeBlocks[index - 1];
      const merged = freeBlocks[index];
      if (previous && previous.at + previous.bytes === merged.at) freeBlocks.splice(index - 1, 2, { at: previous.at, bytes: previous.bytes + merged.bytes });
      const last = freeBlocks[freeBlocks.length - 1];
      if (last && last.at + last.bytes === top) {
        top = last.at;
        freeBlocks.pop();
      }
    },
  };
}
