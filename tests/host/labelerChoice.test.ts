import * as ortWeb from 'onnxruntime-web';
import { describe, expect, test } from 'vitest';
import { createOrtLabeler, type OrtSessionOptions } from '../../src/onnx/ortLabeler.ts';
import type { WebOrt } from '../../src/onnx/webOrt.ts';
import { createRunController } from '../../src/worker/controller.ts';
import { createLabelerChoice, NO_ORT, onceUntilFailed } from '../../src/host/labelerChoice.ts';
import type { WorkerMessage } from '../../src/worker/protocol.ts';
import { smallConfig } from '../selftrain/fixtures.ts';

/** onnxruntime-web's Node build (WASM) in the shape the page's worker loads it (src/onnx/webOrt.ts). */
async function nodeOrt(): Promise<WebOrt> {
  const options: OrtSessionOptions = { executionProviders: ['wasm'] };
  return { ort: ortWeb, options, provider: 'wasm', version: ortWeb.env.versions.web ?? '?', labeler: (config) => createOrtLabeler(ortWeb, config, options) };
}

describe('the labeler a run uses', () => {
  test('labeler=engine: the engine, and onnxruntime is never loaded', async () => {
    let loads = 0;
    const pick = createLabelerChoice(() => (loads++, nodeOrt()));
    const { labeler, status } = await pick(smallConfig({ labeler: 'engine' }));
    expect(labeler).toBeUndefined();
    expect(status).toEqual({ name: 'engine', text: 'Pseudo-labels: the engine labels the pool', fallback: false });
    expect(loads).toBe(0);
  });

  test('labeler=onnx: onnxruntime-web labels, loaded once for every run', async () => {
    let loads = 0;
    const pick = createLabelerChoice(onceUntilFailed(() => (loads++, nodeOrt())));
    const first = await pick(smallConfig({ labeler: 'onnx' }));
    const second = await pick(smallConfig({ labeler: 'onnx', seed: 9 }));
    expect(first.labeler).toBeTypeOf('function');
    expect(second.status).toMatchObject({ name: 'onnx', fallback: false });
    expect(second.status.text).toMatch(/^Pseudo-labels: onnxruntime-web 1\.\d+\.\d+ on WASM/);
    expect(loads).toBe(1);
  });

  test('labeler=onnx where onnxruntime-web cannot load: the engine, with the reason, and the next run tries again', async () => {
    let loads = 0;
    const pick = createLabelerChoice(onceUntilFailed(() => (loads++ === 0 ? Promise.reject(new Error('no such file: ort.wasm')) : nodeOrt())));
    const failed = await pick(smallConfig({ labeler: 'onnx' }));
    expect(failed.labeler).toBeUndefined();
    expect(failed.status).toEqual({ name: 'engine', text: 'Pseudo-labels: the engine, because onnxruntime-web could not load here (no such file: ort.wasm)', fallback: true });
    expect((await pick(smallConfig({ labeler: 'onnx' }))).status.name).toBe('onnx');
  });
});

describe('the run controller and the labeler', () => {
  async function run(loadOrt = NO_ORT): Promise<WorkerMessage[]> {
    const messages: WorkerMessage[] = [];
    const controller = createRunController((message) => messages.push(message), undefined, undefined, loadOrt);
    controller.handle({ type: 'start', runId: 1, config: smallConfig({ gens: 2, labeler: 'onnx' }), gridSize: 0, stepping: false });
    await controller.settled();
    return messages;
  }
  const counts = (messages: WorkerMessage[]) =>
    messages.flatMap((m) => (m.type === 'event' && m.event.type === 'generation' ? [m.event.result.perClass] : []));

  test('says who labels before the run starts, and onnxruntime-web admits what the engine would', async () => {
    const onnx = await run(nodeOrt);
    expect(onnx[0]).toMatchObject({ type: 'labeler', runId: 1, labeler: { name: 'onnx' } });
    expect(onnx[1]).toMatchObject({ type: 'event', event: { type: 'start' } });
    const fallback = await run();
    expect(fallback[0]).toMatchObject({ type: 'labeler', labeler: { name: 'engine', fallback: true } });
    expect(counts(onnx)).toHaveLength(3);
    expect(counts(onnx)).toEqual(counts(fallback));
  });
});
