// The bench page's interface to the Node runner (bench/run.ts), which calls it through
// Playwright's page.evaluate one row at a time, so a hung row can be timed out from outside.
import type { AdapterSummary, BenchRow, EngineName, GenerationEngine, GenerationRow, LabellerName, LabellingRow, WorkloadName } from '../report/types.ts';
import type { GenerationRequest } from './generation.ts';
import type { LabellingRequest } from './labelling.ts';

export interface RowRequest {
  workload: WorkloadName;
  engine: EngineName;
  targetEpochMs: number;
  timedEpochs: number;
  /** The row gives up between epochs after this long. */
  timeoutMs: number;
}

export interface PageEnvironment {
  adapter: AdapterSummary | null;
  notes: string[];
}

export interface BenchApi {
  /** The rows this page can run (engine × workload), in run order. */
  plan(): { workload: WorkloadName; engine: EngineName }[];
  /** Measures one row; a failure comes back as a row with its error, never as a rejection. */
  run(request: RowRequest): Promise<BenchRow>;
  /** The labelling rows this page can run (workload × labeller), in run order. */
  labellingPlan(): { workload: WorkloadName; labeller: LabellerName }[];
  /** Measures one labelling row; a failure comes back as a row with its error. */
  labelling(request: LabellingRequest): Promise<LabellingRow>;
  /** The backends that time a generation, in run order. */
  generationPlan(): GenerationEngine[];
  /** Times one backend's generation with one student and with several; a failure comes back as a row with its error. */
  generation(request: GenerationRequest): Promise<GenerationRow>;
  /** The WebGPU adapter and how the engines ran. */
  environment(): Promise<PageEnvironment>;
}

declare global {
  interface Window {
    autodidactBench?: BenchApi;
  }
}
