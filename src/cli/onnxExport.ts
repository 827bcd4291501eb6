import { accessSync, constants, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentConfig } from '../config/schema.ts';
import type { ExperimentResult, GenerationModel } from '../selftrain/events.ts';
import { generationFileName, generationOnnx } from '../onnx/generationOnnx.ts';
import { resultJson } from './report.ts';

/** A directory --export-onnx cannot write into; printed without a stack trace, exit code 2. */
export class ExportDirError extends Error {
  override readonly name = 'ExportDirError';
}

/** Creates `dir` (and its parents) if missing; throws ExportDirError naming the reason when it is not a writable directory. */
export function prepareExportDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('it is not a directory');
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExportDirError(`--export-onnx: cannot write models into "${dir}" (${reason}). Give a directory you can write to; it is created if missing.`);
  }
}

/**
 * Writes one run's files into `dir`: `gen-0.onnx` ... `gen-G.onnx` as the generations finish
 * (`onModel`, a RunOptions hook), then `result.json` (the run's --json object).
 */
export function createOnnxExport(dir: string, config: ExperimentConfig) {
  prepareExportDir(dir);
  return {
    onModel(model: GenerationModel): void {
      writeFileSync(join(dir, generationFileName(model.generation, config.gens)), generationOnnx(config, model));
    },
    writeResult(result: ExperimentResult): void {
      writeFileSync(join(dir, 'result.json'), `${JSON.stringify(resultJson(result), null, 2)}\n`);
    },
  };
}

/** Where one seed's files go: DIR itself for a single seed, DIR/seed-<seed> when --seeds N runs several. */
export function seedExportDir(dir: string, seed: number, seeds: number): string {
  return seeds > 1 ? join(dir, `seed-${seed}`) : dir;
}
