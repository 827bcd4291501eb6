import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { WorkerCommand, WorkerMessage } from '../../../src/worker/protocol.ts';
import { defaultConfig } from '../../../src/config/params.ts';
import { createLabStore } from '../../../app/store/labStore.ts';
import { createWorkerClient, type WorkerPort } from '../../../app/worker/workerClient.ts';
import { epochMessage, generationMessage, generationResult } from '../store/fixtures.ts';

class FakeWorker implements WorkerPort {
  sent: WorkerCommand[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(command: WorkerCommand) {
    this.sent.push(command);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: WorkerMessage) {
    this.onmessage?.({ data: message } as MessageEvent<WorkerMessage>);
  }
}

function setup() {
  const store = createLabStore(defaultConfig());
  const workers: FakeWorker[] = [];
  const client = createWorkerClient({
    store,
    gridSize: 32,
    progressIntervalMs: 100,
    spawn: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { store, client, workers };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('Run starts the current config; epochs feed the loss at once and the status a few times a second', () => {
  const { store, client, workers } = setup();
  client.run();
  const [worker] = workers;
  expect(worker.sent).toEqual([{ type: 'start', runId: 1, config: store.getState().config, gridSize: 32, stepping: false }]);
  for (let epoch = 1; epoch <= 5; epoch++) worker.reply(epochMessage(1, 0, epoch));
  expect(store.getState().loss.length).toBe(5);
  expect(store.getState().run.epoch).toBe(0);
  vi.advanceTimersByTime(100);
  expect(store.getState().run.epoch).toBe(5);
});

test('Pause, resume with Run, Step, and stale messages of an older run are dropped', () => {
  const { store, client, workers } = setup();
  client.run();
  const [worker] = workers;
  client.pause();
  worker.reply({ type: 'paused', runId: 1 });
  expect(store.getState().run.status).toBe('paused');
  client.step();
  expect(worker.sent.at(-1)).toEqual({ type: 'step' });
  expect(store.getState().run.status).toBe('running');
  worker.reply({ type: 'paused', runId: 1 });
  client.run();
  expect(worker.sent.at(-1)).toEqual({ type: 'resume' });

  client.reset();
  expect(worker.sent.at(-1)).toEqual({ type: 'cancel' });
  expect(worker.terminated).toBe(true);
  expect(store.getState().run.status).toBe('idle');
  client.step();
  expect(workers).toHaveLength(2);
  expect(workers[1].sent.at(-1)).toMatchObject({ type: 'start', runId: 2, stepping: true });
  worker.reply(generationMessage(1, generationResult(0, 0.5)));
  expect(store.getState().run.results).toEqual([]);
  workers[1].reply(generationMessage(2, generationResult(0, 0.8)));
  expect(store.getState().run.results).toHaveLength(1);
});

test('a new config ends the run on screen', () => {
  const { store, client, workers } = setup();
  client.run();
  store.getState().setConfig({ ...store.getState().config, seed: 3 });
  expect(workers[0].sent.at(-1)).toEqual({ type: 'cancel' });
  expect(workers[0].terminated).toBe(true);
  expect(store.getState().run.status).toBe('idle');
});

test('a crashed or unloadable worker becomes an error in the page, and the next run gets a fresh worker', () => {
  const { store, client, workers } = setup();
  client.run();
  workers[0].onerror?.({ message: 'SyntaxError: bad module', preventDefault() {} } as ErrorEvent);
  expect(store.getState().run.status).toBe('error');
  expect(store.getState().run.error).toContain('bad module');
  expect(workers[0].terminated).toBe(true);
  client.run();
  expect(workers).toHaveLength(2);

  const fresh = createLabStore(defaultConfig());
  const failing = createWorkerClient({
    store: fresh,
    gridSize: 0,
    spawn: () => {
      throw new Error('module workers are not supported');
    },
  });
  expect(() => failing.run()).not.toThrow();
  expect(fresh.getState().run).toMatchObject({ status: 'error' });
  expect(fresh.getState().run.error).toContain('module workers are not supported');
});

test('a run stopped by a lost GPU device goes on where it stopped: results stay, the partial generation\'s losses go, the next come after', () => {
  const { store, client, workers } = setup();
  client.run();
  const [worker] = workers;
  worker.reply(epochMessage(1, 0, 1));
  worker.reply(generationMessage(1, generationResult(0, 0.8)));
  worker.reply(epochMessage(1, 1, 1));
  worker.reply(generationMessage(1, generationResult(1, 0.85)));
  worker.reply(epochMessage(1, 2, 1));
  worker.reply(epochMessage(1, 2, 2));
  client.continueOn('cpu');
  expect(worker.sent.some((c) => c.type === 'resume-run')).toBe(false);
  worker.reply({ type: 'error', runId: 1, message: 'The run stopped: the GPU device was lost.', resumable: true });
  expect(store.getState().run).toMatchObject({ status: 'error', resumable: true });
  expect(store.getState().loss.length).toBe(4);

  client.continueOn('cpu');
  expect(worker.sent.at(-1)).toEqual({ type: 'resume-run', runId: 1, backend: 'cpu' });
  expect(workers).toHaveLength(1);
  expect(store.getState().run).toMatchObject({ status: 'running', error: null, resumable: false, generation: 2, epoch: 0 });
  expect(store.getState().loss.length).toBe(2);
  worker.reply(epochMessage(1, 2, 1));
  worker.reply(generationMessage(1, generationResult(2, 0.9)));
  expect(store.getState().run.results.map((row) => row.generation)).toEqual([0, 1, 2]);
  expect(store.getState().loss.boundaries().map((mark) => mark.generation)).toEqual([1, 2]);

  // Only a resumable error offers to go on.
  worker.reply({ type: 'error', runId: 1, message: 'out of memory' });
  client.continueOn('webgpu');
  expect(worker.sent.filter((c) => c.type === 'resume-run')).toHaveLength(1);
  expect(store.getState().run.status).toBe('error');
});

test('a teacher file goes with every run started after it is set, until it is removed', () => {
  const { client, workers } = setup();
  const teacher = { name: 'gen-2.onnx', bytes: Uint8Array.of(8, 1) };
  client.setTeacher(teacher);
  client.run();
  client.reset();
  client.setTeacher(null);
  client.run();
  const starts = workers.flatMap((worker) => worker.sent.filter((command) => command.type === 'start'));
  expect(starts.map((command) => command.teacher)).toEqual([teacher, undefined]);
});
