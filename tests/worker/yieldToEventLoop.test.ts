import { expect, test } from 'vitest';
import { createRunController } from '../../src/worker/controller.ts';
import type { WorkerMessage } from '../../src/worker/protocol.ts';
import { createEventLoopYield } from '../../src/worker/yieldToEventLoop.ts';
import { smallConfig } from '../selftrain/fixtures.ts';

const kinds = (messages: WorkerMessage[]) => messages.map((m) => (m.type === 'event' ? m.event.type : m.type)).filter((t) => t !== 'epoch');

test('a Pause sent through the event loop mid-run is read before the run ends', async () => {
  const messages: WorkerMessage[] = [];
  let sentPause = false;
  // The clock moves 2 ms per reading, so every checkpoint yields, whatever the machine's speed.
  let clock = 0;
  const controller = createRunController((message) => {
    messages.push(message);
    if (!sentPause && message.type === 'event' && message.event.type === 'generation') {
      sentPause = true;
      // Delivered as a macrotask, the way a worker receives postMessage.
      setTimeout(() => controller.handle({ type: 'pause' }), 0);
    }
  }, createEventLoopYield(1, () => (clock += 2)));
  controller.handle({ type: 'start', runId: 1, config: smallConfig({ gens: 6, epochs: 40 }), gridSize: 0, stepping: false });
  await new Promise<void>((resolve) => {
    const poll = () => (messages.some((m) => m.type === 'paused' || (m.type === 'event' && m.event.type === 'done')) ? resolve() : setTimeout(poll, 5));
    poll();
  });
  expect(sentPause).toBe(true);
  expect(kinds(messages)).toContain('paused');
  expect(kinds(messages)).not.toContain('done');
  controller.handle({ type: 'resume' });
  await controller.settled();
  expect(kinds(messages).at(-1)).toBe('done');
});

test('without time passing, the yield costs no macrotask', async () => {
  let clock = 0;
  const yieldNow = createEventLoopYield(8, () => clock);
  let macrotaskRan = false;
  setTimeout(() => (macrotaskRan = true), 0);
  await yieldNow();
  expect(macrotaskRan).toBe(false);
  clock = 10;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await yieldNow();
  expect(macrotaskRan).toBe(true);
});
