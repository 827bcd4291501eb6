import { expect, test } from 'vitest';
import { createClassifierClient, type ClassifierPort } from '../../../app/worker/classifierClient.ts';
import type { GenerationModel } from '../../../src/selftrain/events.ts';
import type { ClassifyReply, ClassifyRequest } from '../../../src/worker/classifyProtocol.ts';
import { createRowClassifier, replyTo } from '../../../src/worker/classifyRows.ts';
import { runCollecting, smallConfig } from '../../selftrain/fixtures.ts';

/** The classifier worker run in-process: requests wait until `answer()`, which replies in the order asked (or reversed). */
class InProcessClassifier implements ClassifierPort {
  classifier = createRowClassifier();
  requests: ClassifyRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<ClassifyReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: ClassifyRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
    this.classifier.dispose();
  }
  async answer(reversed = false) {
    const requests = reversed ? [...this.requests].reverse() : this.requests;
    this.requests = [];
    for (const request of requests) this.onmessage?.({ data: await replyTo(this.classifier, request) } as MessageEvent<ClassifyReply>);
  }
}

async function trainedModel(): Promise<GenerationModel> {
  const models: GenerationModel[] = [];
  await runCollecting(smallConfig({ gens: 0 }), { onModel: (model) => models.push(model) });
  return models[0];
}

function setup() {
  const ports: InProcessClassifier[] = [];
  const client = createClassifierClient(() => {
    const port = new InProcessClassifier();
    ports.push(port);
    return port;
  });
  return { client, ports };
}

test('each request gets its own rows\' probabilities, whatever order the replies come in; the worker starts on the first', async () => {
  const model = await trainedModel();
  const { client, ports } = setup();
  expect(ports).toHaveLength(0);
  const [a, b] = [new Float32Array([1, 0.5]), new Float32Array([-1, 0.2, 0.3, 0.4])];
  const replies = [client.classify(model, a, 'engine'), client.classify(model, b, 'engine')];
  expect(ports).toHaveLength(1);
  await ports[0].answer(true);
  const [pa, pb] = await Promise.all(replies);
  const reference = createRowClassifier();
  expect(Array.from(pa.probabilities)).toEqual(Array.from((await reference.classify(model, a)).probabilities));
  expect(Array.from(pb.probabilities)).toEqual(Array.from((await reference.classify(model, b)).probabilities));
  expect(pb.probabilities).toHaveLength(2 * model.spec.classes);
  expect(pb.by).toBe('the engine');
});

test('a failed request rejects with its reason; a crashed worker rejects what is pending and the next request starts a new one', async () => {
  const model = await trainedModel();
  const { client, ports } = setup();
  const bad = client.classify(model, new Float32Array(3), 'engine');
  await ports[0].answer();
  await expect(bad).rejects.toThrow(/whole rows of 2 features/);

  const lost = client.classify(model, new Float32Array(2), 'engine');
  ports[0].onerror?.({ message: 'out of memory', preventDefault: () => {} } as ErrorEvent);
  await expect(lost).rejects.toThrow('The classifier stopped: out of memory');
  expect(ports[0].terminated).toBe(true);
  const again = client.classify(model, new Float32Array(2), 'engine');
  expect(ports).toHaveLength(2);
  await ports[1].answer();
  expect((await again).probabilities).toHaveLength(model.spec.classes);

  const closed = client.classify(model, new Float32Array(2), 'engine');
  client.dispose();
  await expect(closed).rejects.toThrow('The classifier was closed.');
});
