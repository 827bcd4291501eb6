import type { WorkerPort } from './workerClient.ts';

/** The engine's module worker; Vite bundles it from this URL. */
export function spawnTrainingWorker(): WorkerPort {
  return new Worker(new URL('../../src/worker/worker.ts', import.meta.url), { type: 'module', name: 'autodidact-training' }) as unknown as WorkerPort;
}
