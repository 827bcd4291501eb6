import type { LabelerName } from '../../src/config/schema.ts';
import type { ClassifyReply, ClassifyRequest, Verdict } from '../../src/worker/classifyProtocol.ts';
import type { GenerationModel } from '../../src/selftrain/events.ts';

/** The part of a Worker the classifier client uses (a stand-in runs it in-process in tests). */
export interface ClassifierPort {
  postMessage(request: ClassifyRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ClassifyReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ClassifierClient {
  /** Class probabilities (rows × classes) of `inputs` under `model`, and what ran it; rejects with a message a person can read. */
  classify(model: GenerationModel, inputs: Float32Array, labeler: LabelerName): Promise<Verdict>;
  /** Stops the worker and rejects what is still pending. */
  dispose(): void;
}

/**
 * The page's side of the classifier worker (src/worker/classifyWorker.ts): spawned on the
 * first request, and again after it failed; each request settles once.
 */
export function createClassifierClient(spawn: () => ClassifierPort): ClassifierClient {
  let port: ClassifierPort | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (verdict: Verdict) => void; reject: (error: Error) => void }>();

  const stop = (reason: string) => {
    port?.terminate();
    port = null;
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  };

  const ensurePort = (): ClassifierPort => {
    if (port) return port;
    const started = spawn();
    started.onmessage = ({ data: reply }) => {
      const request = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) request?.reject(new Error(reply.error));
      else request?.resolve({ probabilities: reply.probabilities, by: reply.by });
    };
    started.onerror = (event) => {
      event.preventDefault?.();
      stop(`The classifier stopped: ${event.message || 'it failed to load'}`);
    };
    port = started;
    return started;
  };

  return {
    classify(model, inputs, labeler) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        try {
          ensurePort().postMessage({ id, model, inputs, labeler });
        } catch (error) {
          stop(`Could not start the classifier: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    },
    dispose: () => stop('The classifier was closed.'),
  };
}
