import { useEffect, useState } from 'react';
import type { GenerationModel } from '../../src/selftrain/events.ts';
import { createClassifierClient, type ClassifierClient } from '../worker/classifierClient.ts';
import { spawnClassifierWorker } from '../worker/spawnClassifierWorker.ts';

/** What a generation makes of the drawing: its class probabilities, or why there are none. */
export type DrawingVerdict = { model: GenerationModel; probabilities: Float32Array } | { model: GenerationModel; error: string };

/**
 * The latest verdict of `model` on `image` (a 28×28 row), from the classifier worker. While a
 * request is out, newer drawings wait and only the newest is sent next, so a fast stroke never
 * queues up work; a verdict of an older stroke shows until the newer one arrives.
 */
export function useDrawingVerdict(model: GenerationModel | null, image: Float32Array | null): DrawingVerdict | null {
  const [classifier] = useState(() => createLatestClassifier(createClassifierClient(spawnClassifierWorker)));
  const [verdict, setVerdict] = useState<DrawingVerdict | null>(null);
  useEffect(() => classifier.close, [classifier]);
  useEffect(() => {
    if (model && image) classifier.request(model, image, setVerdict);
  }, [classifier, model, image]);
  // A verdict belongs to its generation: another one picked shows nothing until its own arrives.
  return model && image && verdict?.model === model ? verdict : null;
}

interface LatestClassifier {
  request(model: GenerationModel, image: Float32Array, onVerdict: (verdict: DrawingVerdict) => void): void;
  close(): void;
}

/** One request in flight at a time; of those asked meanwhile, only the newest is sent. */
function createLatestClassifier(client: ClassifierClient): LatestClassifier {
  let waiting: (() => void) | null = null;
  let busy = false;
  const send = (model: GenerationModel, image: Float32Array, onVerdict: (verdict: DrawingVerdict) => void) => {
    busy = true;
    client
      .classify(model, image)
      .then(
        (probabilities) => onVerdict({ model, probabilities }),
        (error: Error) => onVerdict({ model, error: error.message }),
      )
      .finally(() => {
        busy = false;
        const next = waiting;
        waiting = null;
        next?.();
      });
  };
  return {
    request(model, image, onVerdict) {
      if (busy) waiting = () => send(model, image, onVerdict);
      else send(model, image, onVerdict);
    },
    close() {
      waiting = null;
      client.dispose();
    },
  };
}
