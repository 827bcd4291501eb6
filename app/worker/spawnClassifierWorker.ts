import type { ClassifierPort } from './classifierClient.ts';

/** The classifier's module worker; Vite bundles it from this URL. */
export function spawnClassifierWorker(): ClassifierPort {
  return new Worker(new URL('../../src/worker/classifyWorker.ts', import.meta.url), { type: 'module', name: 'autodidact-classifier' }) as unknown as ClassifierPort;
}
