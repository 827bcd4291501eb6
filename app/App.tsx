import { AccuracyChart } from './charts/AccuracyChart.tsx';
import { LossChart } from './charts/LossChart.tsx';
import { ControlPanel } from './controls/ControlPanel.tsx';
import { Downloads } from './downloads/Downloads.tsx';
import { PresetSelect } from './controls/PresetSelect.tsx';
import { RunButtons } from './controls/RunButtons.tsx';
import { LinkNote } from './layout/LinkNote.tsx';
import { ResultsTable } from './results/ResultsTable.tsx';
import { StatusLine } from './status/StatusLine.tsx';
import { DataView } from './view2d/DataView.tsx';
import type { WorkerClient } from './worker/workerClient.ts';

const TABLE_ID = 'generations-table';

/** The page below the static header (index.html): settings and buttons in a side column; status, charts, the 2-D view, the table and the downloads in the main area. */
export function App({ client }: { client: WorkerClient }) {
  return (
    <div className="page">
      <aside className="page__side" aria-label="Experiment">
        <RunButtons client={client} />
        <PresetSelect />
        <ControlPanel />
      </aside>
      <main className="page__main">
        <LinkNote />
        <StatusLine client={client} />
        <div className="page__views">
          <DataView />
          <div className="page__charts">
            <AccuracyChart describedBy={TABLE_ID} />
            <LossChart />
          </div>
        </div>
        <ResultsTable id={TABLE_ID} />
        <Downloads />
      </main>
    </div>
  );
}
