import * as ortWeb from 'onnxruntime-web';
import { describe, expect, test } from 'vitest';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { generationOnnx } from '../../src/onnx/generationOnnx.ts';
import { createOrtLabeler, type OrtSessionOptions } from '../../src/onnx/ortLabeler.ts';
import type { WebOrt } from '../../src/onnx/webOrt.ts';
import type { GenerationModel } from '../../src/selftrain/events.ts';
import { createRunController } from '../../src/worker/controller.ts';
import type { OrtLoader } from '../../src/host/labelerChoice.ts';
import type { WorkerMessage } from '../../src/worker/protocol.ts';
import { runCollecting, smallConfig } from '../selftrain/fixtures.ts';

const OPTIONS: OrtSessionOptions = { executionProviders: ['wasm'] };
const nodeOrt: OrtLoader = async (): Promise<WebOrt> => ({
  ort: ortWeb, options: OPTIONS, provider: 'wasm', version: '?', labeler: (config) => createOrtLabeler(ortWeb, config, OPTIONS),
});

async function run(config: ExperimentConfig, bytes: Uint8Array, loadOrt?: OrtLoader): Promise<WorkerMessage[]> {
  const messages: WorkerMessage[] = [];
  const controller = createRunController((message) => messages.push(message), undefined, undefined, loadOrt);
  controller.handle({ type: 'start', runId: 1, config, gridSize: 0, stepping: false, teacher: { name: 'teacher.onnx', bytes } });
  await controller.settled();
  return messages;
}

describe('the run controller with a teacher file', () => {
  const config = smallConfig({ gens: 1, soft: false });

  test('generation 0 learns from the teacher', async () => {
    const models: GenerationModel[] = [];
    await runCollecting(config, { onModel: (model) => models.push(model) });
    const messages = await run(config, generationOnnx(config, models[1]), nodeOrt);
    expect(messages[0]).toMatchObject({ type: 'labeler', labeler: { name: 'engine', teacher: 'teacher.onnx: [N, 2] → [N, 2]' } });
    const first = messages.find((m) => m.type === 'event' && m.event.type === 'generation');
    expect(first).toMatchObject({ event: { result: { generation: 0, pseudoLabels: 2 * config.k } } });
    expect(messages.at(-1)).toMatchObject({ type: 'event', event: { type: 'done' } });
  });

  test('a file that is not a model, or no onnxruntime here: the run stops with a message, not resumable', async () => {
    const garbage = await run(config, Uint8Array.of(1, 2, 3), nodeOrt);
    expect(garbage.at(-1)).toMatchObject({ type: 'error', runId: 1 });
    expect(garbage.at(-1)).not.toHaveProperty('resumable');
    expect((garbage.at(-1) as { message: string }).message).toMatch(/^teacher\.onnx is not an ONNX model onnxruntime-web can read \(.+\)\. .* The run stopped; your settings are kept/);
    const missing = await run(config, Uint8Array.of(1, 2, 3));
    expect(missing.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('onnxruntime-web could not load here (this host has no onnxruntime-web), and reading teacher.onnx needs it.') });
  });
});
