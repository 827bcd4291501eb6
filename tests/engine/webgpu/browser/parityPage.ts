/**
 * The page side of the browser parity test: the same cases as the Node tests, run on this
 * browser's adapter. Served by a Vite dev server that tests/e2e/webgpu.e2e.ts starts.
 */
import { createWebGpuBackend, requestGpu } from '../../../../src/engine/backends/webgpu.ts';
import { NETWORK_CASES } from '../networkCases.ts';
import { STACKED_CASES, TUNED_CASES, OP_CASES } from '../opCases.ts';
import { runCase, type ParityResult } from '../parity.ts';

/** What the page reports back to the test. */
export interface ParityReport {
  adapter: string;
  results: ParityResult[];
  liveBuffersAfterDispose: number;
}

declare global {
  interface Window {
    runParity(): Promise<ParityReport>;
  }
}

window.runParity = async () => {
  const gpu = await requestGpu();
  const backend = createWebGpuBackend(gpu.device, gpu.description, 'browser parity');
  // The same device tuned as the other kind of adapter, so every tuned kernel layout runs.
  const otherTuning = createWebGpuBackend(gpu.device, { ...gpu.description, software: !gpu.description.software }, 'browser parity, other tuning');
  const results: ParityResult[] = [];
  for (const testCase of [...OP_CASES, ...STACKED_CASES, ...NETWORK_CASES]) results.push(await runCase(backend, testCase));
  for (const testCase of [...TUNED_CASES, ...STACKED_CASES]) results.push({ ...(await runCase(otherTuning, testCase)), name: `${testCase.name} (other tuning)` });
  backend.dispose();
  otherTuning.dispose();
  const report = { adapter: gpu.description.summary, results, liveBuffersAfterDispose: backend.liveBuffers + otherTuning.liveBuffers };
  gpu.device.destroy();
  return report;
};
