import { describe, expect, test } from 'vitest';
import { createRunController } from '../../src/worker/controller.ts';
import type { WorkerCommand, WorkerMessage } from '../../src/worker/protocol.ts';
import { smallConfig } from '../selftrain/fixtures.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';

/** The real controller with a `post` that records messages and lets a test react to them as they arrive. */
function harness(react: (message: WorkerMessage, send: (command: WorkerCommand) => void) => void = () => {}) {
  const messages: WorkerMessage[] = [];
  const waiting: { match: (m: WorkerMessage) => boolean; resolve: () => void }[] = [];
  const controller = createRunController((message) => {
    messages.push(message);
    react(message, (command) => controller.handle(command));
    for (const waiter of waiting.filter((w) => w.match(message))) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  return {
    messages,
    send: (command: WorkerCommand) => controller.handle(command),
    settled: () => controller.settled(),
    /** Resolves at the next message matching `match` (or at once if one came after `from`). */
    until(match: (m: WorkerMessage) => boolean, from = 0): Promise<void> {
      if (messages.slice(from).some(match)) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ match, resolve }));
    },
  };
}

const start = (runId: number, config: ExperimentConfig, stepping = false): WorkerCommand => ({ type: 'start', runId, config, gridSize: 0, stepping });
const isDone = (m: WorkerMessage) => m.type === 'event' && m.event.type === 'done';
const is = (type: WorkerMessage['type']) => (m: WorkerMessage) => m.type === type;
const summary = (m: WorkerMessage) => (m.type !== 'event' ? m.type : m.event.type === 'generation' ? `generation ${m.event.result.generation}` : m.event.type);
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('the run controller', () => {
  test('runs an experiment to the end, every message naming its run', async () => {
    const h = harness();
    h.send(start(1, smallConfig({ gens: 1 })));
    await h.settled();
    expect(h.messages.every((m) => m.runId === 1)).toBe(true);
    expect(h.messages.slice(0, 2).map(summary)).toEqual(['labeler', 'start']);
    expect(h.messages.filter((m) => m.type === 'event' && m.event.type === 'generation')).toHaveLength(2);
    expect(isDone(h.messages.at(-1)!)).toBe(true);
  });

  test('pause holds at the next epoch checkpoint until resume', async () => {
    let paused = false;
    const h = harness((m, send) => {
      if (!paused && m.type === 'event' && m.event.type === 'epoch' && m.event.generation === 0 && m.event.epoch === 2) {
        paused = true;
        send({ type: 'pause' });
      }
    });
    h.send(start(1, smallConfig({ gens: 1 })));
    await h.until(is('paused'));
    const at = h.messages.findIndex(is('paused'));
    expect(h.messages[at - 1]).toMatchObject({ type: 'event', event: { type: 'epoch', generation: 0, epoch: 2 } });
    await tick();
    expect(h.messages).toHaveLength(at + 1);
    h.send({ type: 'resume' });
    await h.settled();
    expect(h.messages[at + 1]).toMatchObject({ type: 'resumed', runId: 1 });
    expect(h.messages[at + 2]).toMatchObject({ type: 'event', event: { type: 'epoch', generation: 0, epoch: 3 } });
    expect(isDone(h.messages.at(-1)!)).toBe(true);
  });

  test('step runs one generation, then holds; the last generation goes straight to done', async () => {
    const h = harness();
    h.send(start(1, smallConfig({ gens: 2 }), true));
    await h.until(is('paused'));
    const pauses = () => h.messages.map(summary).filter((s) => s.startsWith('generation') || s === 'paused' || s === 'resumed' || s === 'done');
    expect(pauses()).toEqual(['generation 0', 'paused']);
    await tick();
    const firstPause = h.messages.length;
    h.send({ type: 'step' });
    await h.until(is('paused'), firstPause);
    expect(pauses()).toEqual(['generation 0', 'paused', 'resumed', 'generation 1', 'paused']);
    h.send({ type: 'step' });
    await h.settled();
    expect(pauses()).toEqual(['generation 0', 'paused', 'resumed', 'generation 1', 'paused', 'resumed', 'generation 2', 'done']);
  });

  test('resume after step-pause runs to the end without holding again', async () => {
    const h = harness();
    h.send(start(1, smallConfig({ gens: 2 }), true));
    await h.until(is('paused'));
    h.send({ type: 'resume' });
    await h.settled();
    expect(h.messages.filter(is('paused'))).toHaveLength(1);
    expect(isDone(h.messages.at(-1)!)).toBe(true);
  });

  test('a new start cancels the old run, and nothing of the old run follows its cancelled', async () => {
    let restarted = false;
    const h = harness((m, send) => {
      if (!restarted && m.type === 'event' && m.event.type === 'epoch') {
        restarted = true;
        send(start(2, smallConfig({ gens: 1, seed: 3 })));
      }
    });
    h.send(start(1, smallConfig({ gens: 3 })));
    await h.until(isDone);
    await h.settled();
    const cancelledAt = h.messages.findIndex((m) => m.type === 'cancelled');
    expect(h.messages[cancelledAt]).toEqual({ type: 'cancelled', runId: 1 });
    expect(h.messages.slice(cancelledAt + 1).every((m) => m.runId === 2)).toBe(true);
    expect(isDone(h.messages.at(-1)!)).toBe(true);
    expect(h.messages.at(-1)!.runId).toBe(2);
  });

  test('cancel while paused releases the run; later commands are ignored', async () => {
    const h = harness();
    h.send(start(4, smallConfig(), true));
    await h.until(is('paused'));
    h.send({ type: 'cancel' });
    await h.settled();
    const count = h.messages.length;
    expect(h.messages.at(-1)).toEqual({ type: 'cancelled', runId: 4 });
    h.send({ type: 'resume' });
    h.send({ type: 'step' });
    h.send({ type: 'pause' });
    h.send({ type: 'cancel' });
    await tick();
    expect(h.messages).toHaveLength(count);
  });

  test('a failing run reports an error a person can act on', async () => {
    const h = harness();
    h.send(start(5, smallConfig({ classes: 9 })));
    await h.settled();
    const error = h.messages.find(is('error'));
    expect(error).toMatchObject({ type: 'error', runId: 5 });
    expect(error?.type === 'error' && error.message).toMatch(/^The run stopped with an error: .*classes.*Try Reset/);
  });
});
