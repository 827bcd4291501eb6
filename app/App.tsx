import { useLayoutEffect } from 'react';
import { AccuracyChart } from './charts/AccuracyChart.tsx';
import { LossChart } from './charts/LossChart.tsx';
import { Downloads } from './downloads/Downloads.tsx';
import { RunButtons } from './controls/RunButtons.tsx';
import { Settings } from './controls/Settings.tsx';
import { LessonMenu } from './lessons/LessonMenu.tsx';
import { LessonPanel } from './lessons/LessonPanel.tsx';
import { LinkNote } from './layout/LinkNote.tsx';
import { SettingsDrawer } from './layout/SettingsDrawer.tsx';
import { UpdateNote } from './pwa/UpdateNote.tsx';
import { PinnedRuns } from './pins/PinnedRuns.tsx';
import { RecipeView } from './results/RecipeView.tsx';
import { ResultsTable } from './results/ResultsTable.tsx';
import { StatusLine } from './status/StatusLine.tsx';
import { DataView } from './view2d/DataView.tsx';
import { ImageView } from './images/ImageView.tsx';
import { WarmupView } from './warmup/WarmupView.tsx';
import { isImageDataset } from '../src/data/datasets.ts';
import { configSelector, presentSelector } from './store/selectors.ts';
import { useLab } from './store/useLabStore.ts';
import type { WorkerClient } from './worker/workerClient.ts';

const TABLE_ID = 'generations-table';

/** The class on <html> that scales the whole page's type up for a projector (app.css). */
const PRESENT_CLASS = 'present';

/**
 * The page below the static header (index.html): settings and buttons in a side column; status,
 * charts, the 2-D view, what the warm-up learned, the table and the downloads in the main area, below the open lesson. In presenter mode
 * (present=1) the views fill the page in large type, with the settings in a drawer.
 */
export function App({ client }: { client: WorkerClient }) {
  const { data } = useLab(configSelector);
  const present = useLab(presentSelector);
  useLayoutEffect(() => {
    document.documentElement.classList.toggle(PRESENT_CLASS, present);
  }, [present]);
  const mode = present ? 'present' : 'page';
  return (
    <div className={present ? 'page page--present' : 'page'}>
      {!present && (
        <aside className="page__side" aria-label="Experiment">
          <RunButtons client={client} />
          <LessonMenu />
          <Settings client={client} />
        </aside>
      )}
      <main className="page__main">
        {present && (
          <div className="page__presenter-bar">
            <RunButtons client={client} />
            <LessonMenu />
            <SettingsDrawer>
              <Settings client={client} />
            </SettingsDrawer>
          </div>
        )}
        <LessonPanel client={client} />
        <UpdateNote />
        <LinkNote />
        <StatusLine client={client} />
        <div className="page__views">
          {isImageDataset(data) ? <ImageView /> : <DataView />}
          {/* Keyed by the mode: the charts are remade with presenter mode's type and lines. */}
          <div className="page__charts" key={mode}>
            <AccuracyChart describedBy={TABLE_ID} />
            <LossChart />
          </div>
        </div>
        <WarmupView />
        <ResultsTable id={TABLE_ID} />
        <PinnedRuns />
        <RecipeView />
        <Downloads />
      </main>
    </div>
  );
}
