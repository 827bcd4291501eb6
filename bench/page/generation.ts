// The population row (issue 15): one generation of a preset with one student and with eight,
// on one backend made once for all its runs, so pipelines compile in the warm-up.
import type { Backend } from '../../src/engine/backend.ts';
import { createCpuBackend } from '../../src/engine/backends/cpu.ts';
import { createWasmBackend } from '../../src/engine/backends/wasm.ts';
import { createWebGpuBackend, requestGpu } from '../../src/engine/backends/webgpu.ts';
import { GENERATION_PRESET, generationConfig, timeGeneration } from '../generation.ts';
import { median } from '../report/median.ts';
import type { GenerationEngine, GenerationRow } from '../report/types.ts';

/** Students of the population run. */
export const STUDENTS = 8;

export interface GenerationRequest {
  engine: GenerationEngine;
  /** Timed runs of each student count, interleaved, after one warm-up run of each. */
  passes: number;
}

const BACKEND_KINDS = { 'autodidact-webgpu': 'webgpu', 'autodidact-wasm': 'wasm', 'autodidact-cpu': 'cpu' } as const;

/** Measures one row; a failure comes back as a row with its error. */
export async function measureGeneration(request: GenerationRequest): Promise<GenerationRow> {
  const row: GenerationRow = { engine: request.engine, preset: GENERATION_PRESET.name, students: STUDENTS, msOne: null, msMany: null, error: null };
  const gpu = request.engine === 'autodidact-webgpu' ? await requestGpu() : null;
  const backend: Backend = gpu ? createWebGpuBackend(gpu.device, gpu.description) : request.engine === 'autodidact-wasm' ? createWasmBackend() : createCpuBackend();
  try {
    const counts = [1, STUDENTS];
    const configs = counts.map((students) => ({ ...generationConfig(students), backend: BACKEND_KINDS[request.engine] }));
    for (const config of configs) await timeGeneration(config, backend);
    const ms = counts.map(() => [] as number[]);
    for (let pass = 0; pass < request.passes; pass++) {
      for (const [i, config] of configs.entries()) ms[i].push(await timeGeneration(config, backend));
    }
    [row.msOne, row.msMany] = ms.map(median);
  } catch (error) {
    console.error(`bench: generation ${request.engine} failed`, error);
    row.error = error instanceof Error ? error.message : String(error);
  } finally {
    backend.dispose();
    gpu?.device.destroy();
  }
  return row;
}
