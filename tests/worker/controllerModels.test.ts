import { expect, test } from 'vitest';
import { computeLayout } from '../../src/model/layout.ts';
import { modelLayers } from '../../src/model/network.ts';
import { createRunController } from '../../src/worker/controller.ts';
import type { WorkerMessage } from '../../src/worker/protocol.ts';
import { smallConfig } from '../selftrain/fixtures.ts';

test('the controller posts each generation\'s model just before its generation event, with the run\'s id', async () => {
  const messages: WorkerMessage[] = [];
  const controller = createRunController((message) => messages.push(message));
  controller.handle({ type: 'start', runId: 9, config: smallConfig({ gens: 2 }), gridSize: 0, stepping: false });
  await controller.settled();
  const order = messages.flatMap((m) =>
    m.type === 'model' ? [`model ${m.model.generation}`] : m.type === 'event' && m.event.type === 'generation' ? [`generation ${m.event.result.generation}`] : [],
  );
  expect(order).toEqual(['model 0', 'generation 0', 'model 1', 'generation 1', 'model 2', 'generation 2']);
  for (const message of messages.filter((m) => m.type === 'model')) {
    expect(message.runId).toBe(9);
    const { spec, parameters } = message.model;
    expect(parameters.length).toBe(computeLayout(spec.inputDim, modelLayers(spec)).count);
  }
});
