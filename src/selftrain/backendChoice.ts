import type { BackendChoice } from '../config/schema.ts';
import type { Backend } from '../engine/backend.ts';
import { createCpuBackend } from '../engine/cpu/backend.ts';

/** Why each choice lands on the CPU backend, shown to the person running it. */
const CPU_REASONS: Record<BackendChoice, string> = {
  cpu: 'CPU: the link asks for it (backend=cpu).',
  auto: 'CPU: the fastest for a model this small (no GPU dispatch or readback cost).',
};

/**
 * The backend a run asked for. Only the CPU backend exists yet, and for the playground's
 * small MLPs it is also the faster one, so `auto` picks it and says why in `info.reason`.
 */
export function createBackend(choice: BackendChoice): Backend {
  return createCpuBackend(CPU_REASONS[choice]);
}
