import type { BackendInfo } from '../../src/engine/backend.ts';
import { WEBGPU_BROWSERS } from '../../src/engine/webgpu/device.ts';
import type { RunStatus } from '../store/runReducer.ts';

export interface StatusInputs {
  status: RunStatus;
  /** The generation in training, -1 before the first epoch. */
  generation: number;
  /** The last finished epoch of that generation, 0 before any. */
  epoch: number;
  /** Generations after generation 0. */
  totalGenerations: number;
  /** The last generation with results, -1 when none. */
  lastGeneration: number;
  stoppedEarly: boolean;
  /** The all-labels oracle is training (after generation 0). */
  oracleTraining?: boolean;
  /** The self-supervised warm-up is training (before generation 0): its task. */
  warmingUp?: string | null;
  error: string | null;
}

/** The one-line account of what the run is doing, for the status region. */
export function statusText(s: StatusInputs): string {
  const of = `of ${s.totalGenerations}`;
  switch (s.status) {
    case 'idle':
      return 'Ready';
    case 'running':
      // Before generation 0's first epoch (the oracle trains after generation 0).
      if (s.generation < 0) return s.warmingUp ? `Warm-up (${s.warmingUp}) before generation 0` : `Generation 0 ${of}`;
      if (s.oracleTraining) return 'Training the oracle (all labels)';
      return s.epoch > 0 ? `Generation ${s.generation} ${of} · epoch ${s.epoch}` : `Generation ${s.generation} ${of}`;
    case 'paused':
      // Paused inside a generation (Pause holds at the next epoch) or after one (Step).
      if (s.generation > s.lastGeneration && s.epoch > 0) return `Paused at generation ${s.generation} ${of} · epoch ${s.epoch}`;
      return s.lastGeneration < 0 ? 'Paused before generation 0' : `Paused at generation ${s.lastGeneration} ${of}`;
    case 'done': {
      const count = Math.max(0, s.lastGeneration);
      const done = `Done: ${count} generation${count === 1 ? '' : 's'}`;
      // Short, so it fits one line on a tablet; the table explains the early stop.
      return s.stoppedEarly ? `${done} (stopped early)` : done;
    }
    case 'error':
      return `Error: ${s.error ?? 'the run stopped'}`;
  }
}

/** Which backend trains and why ("CPU: small model, the CPU is faster"). */
export function backendText(backend: BackendInfo | null): string {
  if (!backend) return '';
  const name = backend.kind === 'cpu' ? 'CPU' : backend.kind === 'wasm' ? 'WebAssembly SIMD' : 'WebGPU';
  if (!backend.reason) return `${name} (${backend.adapter})`;
  // The engine's reason may already name the backend ("CPU: the fastest for ...", "WebGPU on ...").
  return /^(cpu|webgpu|webassembly)\b/i.test(backend.reason) ? backend.reason : `${name}: ${backend.reason}`;
}

/** The CPU runs because WebGPU was wanted and is missing here: the note then says where WebGPU runs. */
export function isFallback(backend: BackendInfo | null): boolean {
  return backend?.kind === 'cpu' && backend.reason.includes(WEBGPU_BROWSERS);
}
