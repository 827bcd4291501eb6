import { defaultConfig } from '../config/params.ts';
import type { ExperimentConfig, ModelName } from '../config/schema.ts';
import { DATASETS, exampleWidth } from '../data/datasets.ts';
import { computeLayout } from '../model/layout.ts';
import { CNN_KERNEL } from '../model/cnn.ts';
import { modelLayers } from '../model/network.ts';
import type { ModelSpec } from '../model/types.ts';
import { modelSpec } from '../selftrain/session.ts';

/**
 * When `backend=auto` trains on the GPU: the crossover rule and its measured basis.
 *
 * The rule looks at the work in one training step, `parameters × batch × models`, and at
 * the adapter: the CPU below {@link GPU_CROSSOVER_WORK}, WebGPU at or above it, but only on a
 * hardware adapter. A software adapter (SwiftShader, llvmpipe, WARP) never wins.
 *
 * Measured basis (2026-11-23, 2-core Debian VM, Node 20, CPU backend against the WebGPU
 * backend on Dawn's SwiftShader adapter; samples/s, Adam, median of 3 epochs after a warm-up):
 *
 * | MLP          | batch | parameters | CPU     | WebGPU (SwiftShader) | GPU/CPU |
 * | ------------ | ----: | ---------: | ------: | -------------------: | ------: |
 * | 2-16-16-2    |    16 |        354 | 102,001 |                6,361 |    0.06 |
 * | 2-16-16-2    |   128 |        354 | 376,207 |                8,809 |    0.02 |
 * | 2-64-64-2    |    16 |      4,482 |  32,594 |                1,090 |    0.03 |
 * | 2-64-64-2    |   128 |      4,482 |  34,500 |                3,158 |    0.09 |
 * | 784-128-10   |    16 |    101,770 |   1,235 |                  359 |    0.29 |
 * | 784-128-10   |   128 |    101,770 |     939 |                  377 |    0.40 |
 * | 784-512-512-10 |  16 |    669,706 |     222 |                   40 |    0.18 |
 * | 784-512-512-10 | 128 |    669,706 |     187 |                   45 |    0.24 |
 *
 * (relu; another job shared the 2 cores, so absolute rates are low and noisy, the ratios
 * are not: the CPU is 2.5× to 50× faster throughout.)
 *
 * So on the software adapter the CPU wins at every size measured, and `auto` never picks
 * one. A W1 step (2-16-16-2, batch 16) is 13 dispatches and took 2.5 ms there: about 190 µs
 * a dispatch, nearly all fixed cost, since the arithmetic is a few thousand flops.
 *
 * No hardware GPU was available to measure, so the threshold for one rests on two numbers
 * and an assumption. A training step costs the CPU about 6 × parameters × batch flops, and
 * the CPU backend sustains about 1 GFLOP/s at that (0.6 to 0.9 in the rows above; 1.7 for
 * W2 in bench/RESULTS.md: 2,718 samples/s × 6 × 101,770). A hardware GPU's step
 * costs at most ~13 dispatches × ~25 µs of encoding, validation and launch (the assumption:
 * Dawn and Chrome's per-dispatch overhead on a discrete or integrated GPU, a generous
 * figure), about 0.3 ms, whatever the size at playground scale. The GPU is then worth it
 * once the CPU's step takes twice that, 0.6 ms ≈ 6 × 1e9⁻¹ × work ⇒ work ≈ 1e5; rounded up
 * to 150,000 for margin (readback and pseudo-labelling passes are per epoch and smaller).
 * The presets (2-8-8-2, batch 16: 1,824) stay on the CPU; 2-128-128-2 at batch 64 (1.1M)
 * and the 784-wide workloads go to the GPU. Replace this with a measured crossover when a
 * hardware adapter can be benchmarked (`npm run bench` prints what is needed).
 *
 * MLPs up to 32 wide now train through the fused denseSteps kernel: an epoch is a few
 * dispatches, and a step costs the GPU one thread's serial arithmetic (the same ~6 ×
 * parameters × batch flops, at a GPU thread's ~1 GFLOP/s), about what it costs the CPU,
 * while K models side by side cost the GPU the time of one. One model of that size still
 * belongs on the CPU, which the rule gives; once the config trains several models at once,
 * fused sizes should count their models against the dispatch cost instead.
 */
export const GPU_CROSSOVER_WORK = 150_000;

/** What the crossover weighs: one training step's parameters × batch × models. */
export interface ExperimentSize {
  model: ModelName;
  /** Layer widths, input first, classes last (2-8-8-2); the CNN's dense widths after its conv blocks. */
  layers: number[];
  parameters: number;
  /** One example's multiply-adds in a forward pass ({@link multiplyAddsPerExample}). */
  multiplyAdds: number;
  batch: number;
  /** Models trained together in the same dispatches: the config's students per generation. */
  models: number;
}

type SizedConfig = Pick<ExperimentConfig, 'hidden' | 'classes' | 'batch'> & Partial<Pick<ExperimentConfig, 'data' | 'model' | 'filters' | 'students'>>;

/**
 * The size of a run's model: 2 inputs for 2-D points, 784 for images. A CNN's parameters
 * undercount its work (each conv weight is used once per pixel), so a CNN is sized as no
 * less than the crossover: it never stays on the CPU for being small. `models` is the
 * config's students per generation unless given.
 */
export function experimentSize(config: SizedConfig, inputDim?: number, models = config.students ?? 1): ExperimentSize {
  const entry = config.data === undefined ? undefined : DATASETS[config.data];
  const width = inputDim ?? (config.data === undefined ? 2 : exampleWidth(config.data));
  const layers = [width, ...config.hidden, config.classes];
  if (config.model === 'cnn' && entry?.image) {
    const spec = modelSpec({ ...defaultConfig(), ...config }, width, config.classes);
    const parameters = computeLayout(width, modelLayers(spec)).count;
    return { model: 'cnn', layers, parameters, multiplyAdds: multiplyAddsPerExample(spec), batch: config.batch, models };
  }
  let parameters = 0;
  for (let i = 1; i < layers.length; i++) parameters += layers[i - 1] * layers[i] + layers[i];
  return { model: 'mlp', layers, parameters, multiplyAdds: parameters - sum(layers.slice(1)), batch: config.batch, models };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** parameters × batch × models; for a CNN at least the crossover. */
export function workOf(size: ExperimentSize): number {
  const work = size.parameters * size.batch * size.models;
  return size.model === 'cnn' ? Math.max(work, GPU_CROSSOVER_WORK) : work;
}

/** One line naming the size: "2-8-8-2 MLP (106 parameters × batch 16 = 1,696)". */
export function describeSize(size: ExperimentSize): string {
  const models = size.models > 1 ? ` × ${size.models} models` : '';
  const name = size.model === 'cnn' ? `CNN (conv blocks, then ${size.layers.slice(1).join('-')})` : `${size.layers.join('-')} MLP`;
  return `${name} (${size.parameters.toLocaleString('en-US')} parameters × batch ${size.batch}${models} = ${workOf(size).toLocaleString('en-US')})`;
}

/** Whether the size is worth a hardware GPU at all; below it `auto` does not even ask for one. */
export function aboveCrossover(size: ExperimentSize): boolean {
  return workOf(size) >= GPU_CROSSOVER_WORK;
}

/** The crossover itself, for messages: "the GPU crossover (150,000)". */
export const CROSSOVER_TEXT = `the GPU crossover (parameters × batch × models ≥ ${GPU_CROSSOVER_WORK.toLocaleString('en-US')})`;

/**
 * One example's multiply-adds in a forward pass: every dense weight once, every conv weight
 * once per output pixel (3×3 'same' convolutions, each block's image halved by its pool).
 * Training costs about three times this; the ratio is the same on every backend.
 */
export function multiplyAddsPerExample(spec: ModelSpec): number {
  let total = 0;
  let width = spec.inputDim;
  if (spec.kind === 'cnn') {
    let { channels, height, width: across } = spec.image;
    for (const filters of spec.filters) {
      total += height * across * channels * filters * CNN_KERNEL * CNN_KERNEL;
      [channels, height, across] = [filters, Math.floor(height / 2), Math.floor(across / 2)];
    }
    width = channels * height * across;
  }
  for (const units of [...spec.hidden, spec.classes]) {
    total += width * units;
    width = units;
  }
  return total;
}

/**
 * When `backend=auto` trains on WebAssembly rather than JavaScript, wherever the GPU does not
 * win: one training step's multiply-adds, `multiply-adds per example × batch × models`, at or
 * above this. Both run on one CPU core; the WebAssembly backend pays a call into its kernels
 * per op, which its SIMD arithmetic repays once a step has some work in it.
 *
 * Measured basis (2026-12-06, 2-core Debian VM, Node 20, `npx tsx bench/wasmCrossover.ts`:
 * training samples/s, relu MLPs with SGD, W2 and W3 with Adam, median CPU time of 5
 * interleaved epochs after a warm-up; per step = per example × batch):
 *
 * | model           | batch | multiply-adds a step | wasm / cpu |
 * | --------------- | ----: | -------------------: | ---------: |
 * | 2-4-2           |     1 |                   16 |       0.66 |
 * | 2-4-2           |     4 |                   64 |       0.70 |
 * | 2-8-2           |     4 |                  128 |       0.84 |
 * | 2-8-8-2         |     4 |                  384 |       0.89 |
 * | 2-8-2           |    16 |                  512 |       1.03 |
 * | 2-8-8-2         |    16 |                1,536 |       1.28 |
 * | 2-16-16-2 (W1)  |    16 |                5,120 |       2.00 |
 * | 2-64-64-2       |    32 |              139,264 |       4.44 |
 * | 784-128-10 (W2) |   128 |           13,008,896 |       8.60 |
 * | CNN 8,16 (W3)   |    64 |           18,565,120 |       5.63 |
 *
 * They tie near 512; the threshold is twice that for margin, so the presets (2-8-8-2 and
 * 2-16-16-2 at batch 16) and every image model train on WebAssembly. In headless Chromium 156
 * on the same machine (`npm run bench`), W1 ran 2.4× and W2 7.2× faster on WebAssembly.
 */
export const WASM_CROSSOVER_WORK = 1_000;

/** One training step's multiply-adds: per example × batch × models. */
export function wasmWorkOf(size: ExperimentSize): number {
  return size.multiplyAdds * size.batch * size.models;
}

/** Whether WebAssembly beats JavaScript for this size (where the GPU does not run it). */
export function aboveWasmCrossover(size: ExperimentSize): boolean {
  return wasmWorkOf(size) >= WASM_CROSSOVER_WORK;
}

/** The WebAssembly crossover itself, for messages. */
export const WASM_CROSSOVER_TEXT = `the WebAssembly crossover (multiply-adds a step ≥ ${WASM_CROSSOVER_WORK.toLocaleString('en-US')})`;
