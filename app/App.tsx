import { AccuracyChart } from './charts/AccuracyChart.tsx';
import { LossChart } from './charts/LossChart.tsx';
import { ControlPanel } from './controls/ControlPanel.tsx';
import { Downloads } from './downloads/Downloads.tsx';
import { PresetSelect } from './controls/PresetSelect.tsx';
import { RunButtons } from './controls/RunButtons.tsx';
import { LinkNote } from './layout/LinkNote.tsx';
import { UpdateNote } from './pwa/UpdateNote.tsx';
import { RecipeView } from './results/RecipeView.tsx';
import { ResultsTable } from './results/ResultsTable.tsx';
import { StatusLine } from './status/StatusLine.tsx';
import { ImportTeacher } from './teacher/ImportTeacher.tsx';
import { DataView } from './view2d/DataView.tsx';
import { ImageView } from './images/ImageView.tsx';
import { isImageDataset } from '../src/data/datasets.ts';
import { configSelector } from './store/selectors.ts';
import { useLab } from './store/useLabStore.ts';
import type { WorkerClient } from './worker/workerClient.ts';

const TABLE_ID = 'generations-table';

/** The page below the static header (index.html): settings and buttons in a side column; status, charts, the 2-D view, the table and the downloads in the main area. */
export function App({ client }: { client: WorkerClient }) {
  const { data } = useLab(configSelector);
  return (
    <div className="page">
      <aside className="page__side" aria-label="Experiment">
        <RunButtons client={client} />
        <PresetSelect />
        <ControlPanel />
        <ImportTeacher client={client} />
      </aside>
      <main className="page__main">
        <UpdateNote />
        <LinkNote />
        <StatusLine client={client} />
        <div className="page__views">
          {isImageDataset(data) ? <ImageView /> : <DataView />}
          <div className="page__charts">
            <AccuracyChart describedBy={TABLE_ID} />
            <LossChart />
          </div>
        </div>
        <ResultsTable id={TABLE_ID} />
        <RecipeView />
        <Downloads />
      </main>
    </div>
  );
}
