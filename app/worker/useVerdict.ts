import { useEffect, useState } from 'react';
import type { LabelerName } from '../../src/config/schema.ts';
import type { GenerationModel } from '../../src/selftrain/events.ts';
import { createClassifierClient, type ClassifierClient } from './classifierClient.ts';
import { spawnClassifierWorker } from './spawnClassifierWorker.ts';

/** What a generation makes of some rows (a drawing, a clicked point): class probabilities and what ran it, or why there are none. */
export type ModelVerdict = { model: GenerationModel; probabilities: Float32Array; by: string } | { model: GenerationModel; error: string };

/**
 * The latest verdict of `model` on `image` (one row of its inputs), from the classifier
 * worker, run as `labeler` runs teachers. While a request is out, newer rows wait and only
 * the newest is sent next, so a fast stroke never queues up work; a verdict of older rows
 * shows until the newer one arrives.
 */
export function useVerdict(model: GenerationModel | null, image: Float32Array | null, labeler: LabelerName): ModelVerdict | null {
  const [classifier] = useState(() => createLatestClassifier(createClassifierClient(spawnClassifierWorker)));
  const [verdict, setVerdict] = useState<ModelVerdict | null>(null);
  useEffect(() => classifier.close, [classifier]);
  useEffect(() => {
    if (model && image) classifier.request(model, image, labeler, setVerdict);
  }, [classifier, model, image, labeler]);
  // A verdict belongs to its generation: another one picked shows nothing until its own arrives.
  return model && image && verdict?.model === model ? verdict : null;
}

interface LatestClassifier {
  request(model: GenerationModel, image: Float32Array, labeler: LabelerName, onVerdict: (verdict: ModelVerdict) => void): void;
  close(): void;
}

/** One request in flight at a time; of those asked meanwhile, only the newest is sent. */
function createLatestClassifier(client: ClassifierClient): LatestClassifier {
  let waiting: (() => void) | null = null;
  let busy = false;
  const send = (model: GenerationModel, image: Float32Array, labeler: LabelerName, onVerdict: (verdict: ModelVerdict) => void) => {
    busy = true;
    client
      .classify(model, image, labeler)
      .then(
        ({ probabilities, by }) => onVerdict({ model, probabilities, by }),
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
    request(model, image, labeler, onVerdict) {
      if (busy) waiting = () => send(model, image, labeler, onVerdict);
      else send(model, image, labeler, onVerdict);
    },
    close() {
      waiting = null;
      client.dispose();
    },
  };
}
