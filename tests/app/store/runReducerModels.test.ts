import { expect, test } from 'vitest';
import { reduceRunMessage, startedRun, type RunData } from '../../../app/store/runReducer.ts';
import type { WorkerMessage } from '../../../src/worker/protocol.ts';

const SPEC = { kind: 'mlp', inputDim: 2, classes: 2, hidden: [4], activation: 'relu', dropout: 0 } as const;
const modelMessage = (runId: number, generation: number, first: number): WorkerMessage => ({
  type: 'model',
  runId,
  model: { generation, spec: { ...SPEC, hidden: [...SPEC.hidden] }, parameters: Float32Array.of(first, 2, 3) },
});
const apply = (run: RunData, ...messages: WorkerMessage[]) => messages.reduce((state, message) => ({ ...state, ...reduceRunMessage(state, message) }), run);

test('model messages keep one model per generation, in generation order, the latest winning', () => {
  const run = apply(startedRun(4, 3, 10), modelMessage(4, 1, 10), modelMessage(4, 0, 0), modelMessage(4, 1, 11));
  expect(run.models.map((m) => [m.generation, m.parameters[0]])).toEqual([
    [0, 0],
    [1, 11],
  ]);
});

test('models of another run, or after the run ended, change nothing; a new run starts with none', () => {
  const run = apply(startedRun(4, 3, 10), modelMessage(4, 0, 0));
  expect(reduceRunMessage(run, modelMessage(3, 1, 1))).toBeNull();
  expect(reduceRunMessage({ ...run, status: 'done' }, modelMessage(4, 1, 1))).toBeNull();
  expect(startedRun(5, 3, 10).models).toEqual([]);
});
