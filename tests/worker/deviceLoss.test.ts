import { create, globals } from 'webgpu';
import { afterEach, expect, test, vi } from 'vitest';
import { createRunController } from '../../src/worker/controller.ts';
import type { WorkerMessage } from '../../src/worker/protocol.ts';
import { smallConfig } from '../selftrain/fixtures.ts';

Object.assign(globalThis, globals);

/** Dawn's GPU as the worker's navigator.gpu, keeping each device it hands out so the test can lose it. */
function capturingGpu(devices: GPUDevice[]): GPU {
  const gpu = create([]) as GPU;
  const wrap = (adapter: GPUAdapter) =>
    new Proxy(adapter, {
      get(target, key) {
        if (key === 'requestDevice') {
          return async (descriptor?: GPUDeviceDescriptor) => {
            const device = await target.requestDevice(descriptor);
            devices.push(device);
            return device;
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { requestAdapter: async (options?: GPURequestAdapterOptions) => wrap((await gpu.requestAdapter(options))!) } as unknown as GPU;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

test('a GPU device lost mid-run (device.destroy()) stops the run with a message naming the loss, and nothing is left unhandled', { timeout: 60_000 }, async () => {
  const devices: GPUDevice[] = [];
  vi.stubGlobal('navigator', { gpu: capturingGpu(devices) });
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const messages: WorkerMessage[] = [];
  let lost = false;
  const controller = createRunController((message) => {
    messages.push(message);
    if (!lost && message.type === 'event' && message.event.type === 'epoch' && message.event.generation === 0 && message.event.epoch === 2) {
      lost = true;
      devices[0].destroy();
    }
  });
  try {
    controller.handle({ type: 'start', runId: 1, config: smallConfig({ backend: 'webgpu', gens: 2 }), gridSize: 0, stepping: false });
    await controller.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  expect(devices).toHaveLength(1);
  const start = messages.find((m) => m.type === 'event' && m.event.type === 'start');
  expect(start).toMatchObject({ event: { backend: { kind: 'webgpu' } } });
  expect(lost).toBe(true);
  const last = messages.at(-1)!;
  expect(last.type).toBe('error');
  expect(last.type === 'error' && last.message).toMatch(/^The run stopped: .*GPU device was lost.*It can start again on a new GPU or on the CPU/);
  expect(last).toMatchObject({ resumable: true });
  expect(messages.some((m) => m.type === 'event' && m.event.type === 'done')).toBe(false);
  expect(unhandled).toEqual([]);
});

const generationsOf = (messages: WorkerMessage[]) => messages.flatMap((m) => (m.type === 'event' && m.event.type === 'generation' ? [m.event.result.generation] : []));

for (const backend of ['cpu', 'webgpu'] as const) {
  test(`a device lost after generation 1 goes on from generation 2 on ${backend === 'cpu' ? 'the CPU' : 'a new GPU'} and finishes every generation`, { timeout: 60_000 }, async () => {
    const devices: GPUDevice[] = [];
    vi.stubGlobal('navigator', { gpu: capturingGpu(devices) });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const messages: WorkerMessage[] = [];
    let lost = false;
    const controller = createRunController((message) => {
      messages.push(message);
      if (!lost && message.type === 'event' && message.event.type === 'generation' && message.event.result.generation === 1) {
        lost = true;
        devices[0].destroy();
      }
    });
    const config = smallConfig({ backend: 'webgpu', gens: 3 });
    let stoppedAt = 0;
    try {
      controller.handle({ type: 'start', runId: 1, config, gridSize: 4, stepping: false });
      await controller.settled();
      stoppedAt = messages.length;
      controller.handle({ type: 'resume-run', runId: 1, backend });
      await controller.settled();
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(lost).toBe(true);
    const error = messages[stoppedAt - 1];
    expect(error).toMatchObject({ type: 'error', runId: 1, resumable: true });
    expect(error.type === 'error' && error.message).toMatch(/GPU device was lost.*It can go on from generation 2 on a new GPU or on the CPU/);
    expect(generationsOf(messages.slice(0, stoppedAt))).toEqual([0, 1]);
    const after = messages.slice(stoppedAt);
    expect(after.every((m) => m.runId === 1 && m.type !== 'error' && m.type !== 'cancelled')).toBe(true);
    expect(after.find((m) => m.type === 'event' && m.event.type === 'start')).toMatchObject({ event: { backend: { kind: backend }, config } });
    expect(generationsOf(after)).toEqual([2, 3]);
    const done = after.at(-1)!;
    expect(done.type === 'event' && done.event.type === 'done' && done.event.result.generations.map((g) => g.generation)).toEqual([0, 1, 2, 3]);
    expect(devices).toHaveLength(backend === 'webgpu' ? 2 : 1);
    expect(unhandled).toEqual([]);
  });
}

test('resume-run does nothing for a run that was not stopped by a lost device', async () => {
  const messages: WorkerMessage[] = [];
  const controller = createRunController((message) => messages.push(message));
  controller.handle({ type: 'start', runId: 1, config: smallConfig({ gens: 1 }), gridSize: 0, stepping: false });
  await controller.settled();
  const count = messages.length;
  controller.handle({ type: 'resume-run', runId: 1, backend: 'cpu' });
  await controller.settled();
  expect(messages).toHaveLength(count);
});
