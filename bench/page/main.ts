// The bench page: installs the GPU counters before any engine makes a device, then waits for
// the Node runner to ask for rows through window.autodidactBench.
import { WASM_THREADS_NOTE } from '../../src/engine/backends/wasm.ts';
import { WORKLOADS, makeData, workloadByName, type WorkloadData } from '../workloads.ts';
import { GENERATION_ENGINES, LABELLER_NAMES, type WorkloadName } from '../report/types.ts';
import { describeDefaultAdapter } from './adapter.ts';
import type { BenchApi } from './api.ts';
import { ENGINES } from './engines/index.ts';
import { measureGeneration } from './generation.ts';
import { describeTfjsWasm } from './engines/tfjsBackends.ts';
import { installGpuCounters } from './gpuCounters.ts';
import { measureLabelling } from './labelling.ts';
import { failedRow, measureRow } from './measure.ts';

/** The labelling pass's models: the 2-D MLP, the image MLP and the CNN (W1x16 is W1's model sixteen times). */
const LABELLING_WORKLOADS: readonly WorkloadName[] = ['W1', 'W2', 'W3'];

const gpu = installGpuCounters();
const dataCache = new Map<WorkloadName, WorkloadData>();

const api: BenchApi = {
  plan: () => WORKLOADS.flatMap((workload) => ENGINES.filter((engine) => engine.runs(workload)).map((engine) => ({ workload: workload.name, engine: engine.name }))),
  async run(request) {
    const workload = workloadByName(request.workload);
    const engine = ENGINES.find((candidate) => candidate.name === request.engine);
    if (!engine) throw new Error(`No engine ${request.engine} in this page.`);
    let data = dataCache.get(workload.name);
    if (!data) dataCache.set(workload.name, (data = makeData(workload)));
    showStatus(`${workload.name} ${engine.name}…`);
    try {
      const deadline = performance.now() + request.timeoutMs;
      return await measureRow(engine, workload, data, gpu, { ...request, deadline });
    } catch (error) {
      console.error(`bench: ${workload.name} ${engine.name} failed`, error);
      return failedRow(workload, engine, error);
    } finally {
      showStatus('idle');
    }
  },
  labellingPlan: () => LABELLING_WORKLOADS.flatMap((workload) => LABELLER_NAMES.map((labeller) => ({ workload, labeller }))),
  async labelling(request) {
    showStatus(`labelling ${request.workload} ${request.labeller}…`);
    try {
      return await measureLabelling(request);
    } finally {
      showStatus('idle');
    }
  },
  generationPlan: () => [...GENERATION_ENGINES],
  async generation(request) {
    showStatus(`generation ${request.engine}…`);
    try {
      return await measureGeneration(request);
    } finally {
      showStatus('idle');
    }
  },
  async environment() {
    // jax-js's wasm backend uses worker threads only where SharedArrayBuffer is allowed.
    const jaxThreads = crossOriginIsolated ? 'threads (the page is cross-origin isolated)' : '1 thread (the page is not cross-origin isolated)';
    return { adapter: await describeDefaultAdapter(), notes: [await describeTfjsWasm(), `jax-js-wasm: ${jaxThreads}`, `autodidact-wasm: ${WASM_THREADS_NOTE}`] };
  },
};

function showStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

window.autodidactBench = api;
showStatus('ready');
