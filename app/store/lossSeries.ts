/**
 * The per-epoch training loss of the current run, kept outside React state.
 * Epoch events arrive hundreds of times a second; the loss chart subscribes here and
 * redraws once per frame, so React never re-renders per point (zustand's "transient updates").
 */
export interface LossSeries {
  /** Appends one epoch's loss; `generation` marks where a new generation starts. */
  append(generation: number, loss: number): void;
  clear(): void;
  /** Drops the points of generations after `generation` (a run going on from it repeats them); -1 drops all. */
  keepThrough(generation: number): void;
  /** Points so far: x is the epoch index across the whole run (1-based), y the loss. */
  points(): { x: Float64Array; y: Float64Array };
  /** Epoch indices (x) at which generations 1, 2, ... began. */
  boundaries(): readonly { generation: number; x: number }[];
  readonly length: number;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const INITIAL_CAPACITY = 256;

/** A growable pair of Float64Arrays with change listeners. */
export function createLossSeries(): LossSeries {
  let x = new Float64Array(INITIAL_CAPACITY);
  let y = new Float64Array(INITIAL_CAPACITY);
  let length = 0;
  let lastGeneration = -1;
  const marks: { generation: number; x: number }[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());

  const grow = () => {
    const nextX = new Float64Array(x.length * 2);
    const nextY = new Float64Array(y.length * 2);
    nextX.set(x);
    nextY.set(y);
    x = nextX;
    y = nextY;
  };

  return {
    append(generation, loss) {
      if (length === x.length) grow();
      const index = length + 1;
      if (generation !== lastGeneration) {
        if (lastGeneration >= 0 || generation > 0) marks.push({ generation, x: index });
        lastGeneration = generation;
      }
      x[length] = index;
      y[length] = Number.isFinite(loss) ? loss : Number.NaN;
      length++;
      notify();
    },
    clear() {
      length = 0;
      lastGeneration = -1;
      marks.length = 0;
      notify();
    },
    keepThrough(generation) {
      const cut = generation < 0 ? 0 : marks.findIndex((mark) => mark.generation > generation);
      if (cut < 0) return;
      length = cut === 0 && generation < 0 ? 0 : marks[cut].x - 1;
      marks.length = generation < 0 ? 0 : cut;
      lastGeneration = length === 0 ? -1 : generation;
      notify();
    },
    points: () => ({ x: x.subarray(0, length), y: y.subarray(0, length) }),
    boundaries: () => marks,
    get length() {
      return length;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
