import { useState } from 'react';
import type { RunMetrics } from '../../src/export/metrics.ts';
import { DATASETS } from '../../src/data/datasets.ts';
import { configSelector, modelsSelector, resultsSelector } from '../store/selectors.ts';
import { labStore, useLab } from '../store/useLabStore.ts';
import { allModelsFile, metricsFile, modelFile, type DownloadFile } from './downloadFiles.ts';
import { saveFile } from './saveFile.ts';

/** The run's metrics as the store holds them now: they belong to the config on screen (a new config ends the run). */
function currentMetrics(): RunMetrics {
  const { config, run } = labStore.getState();
  return { config, oracle: run.oracle, withAudit: run.withAudit, generations: run.results, backend: run.backend, warmup: run.warmup?.result };
}

/** This generation's model, every generation's model, and the metrics, as files to save. */
export function Downloads() {
  const models = useLab(modelsSelector);
  const results = useLab(resultsSelector);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = models.at(-1);

  const offer = (make: () => DownloadFile | Promise<DownloadFile>) => async () => {
    try {
      saveFile(await make());
      setFailure(null);
    } catch (error) {
      setFailure(`Could not prepare the file: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const config = () => labStore.getState().config;
  const { exampleShape, features } = DATASETS[useLab(configSelector).data];

  return (
    <section className="downloads" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading" className="downloads__heading">
        Downloads
      </h2>
      <div className="downloads__buttons">
        <button type="button" className="button" disabled={!latest} onClick={latest && offer(() => modelFile(config(), latest))}>
          {latest ? `Generation ${latest.generation} model (.onnx)` : 'This generation\u2019s model (.onnx)'}
        </button>
        <button type="button" className="button" disabled={models.length === 0} onClick={offer(() => allModelsFile(config(), models))}>
          Every generation&rsquo;s model (.tar)
        </button>
        <button type="button" className="button" disabled={results.length === 0} onClick={offer(() => metricsFile(currentMetrics(), 'json'))}>
          Metrics (JSON)
        </button>
        <button type="button" className="button" disabled={results.length === 0} onClick={offer(() => metricsFile(currentMetrics(), 'csv'))}>
          Metrics (CSV)
        </button>
      </div>
      <p className="downloads__note">
        Models are standard ONNX (opset 17): input <code>input</code>, float32 {`[N, ${exampleShape.join(', ')}] ${features}`};
        output <code>probabilities</code>, float32 [N, classes].
      </p>
      {failure && (
        <p className="downloads__failure" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
