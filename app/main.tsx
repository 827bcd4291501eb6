import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles/app.css';
import './styles/lessons.css';
import { App } from './App.tsx';
import { registerServiceWorker } from './pwa/serviceWorker.ts';
import { labStore } from './store/useLabStore.ts';
import { startHashSync } from './url/hashSync.ts';
import { spawnTrainingWorker } from './worker/spawnTrainingWorker.ts';
import { createWorkerClient } from './worker/workerClient.ts';

/** Cells per side of the decision heatmap the worker computes each generation. */
const GRID_SIZE = 64;

// Before the first render, so the first paint already shows the linked experiment.
startHashSync(labStore, window);
const client = createWorkerClient({ store: labStore, spawn: spawnTrainingWorker, gridSize: GRID_SIZE });

const root = document.getElementById('root');
registerServiceWorker();
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
