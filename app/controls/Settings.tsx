import { isHidden, PRESETS_TARGET } from '../../src/config/view.ts';
import { hideSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import { ImportTeacher } from '../teacher/ImportTeacher.tsx';
import type { WorkerClient } from '../worker/workerClient.ts';
import { ControlPanel } from './ControlPanel.tsx';
import { HiddenNote } from './HiddenNote.tsx';
import { PresetSelect } from './PresetSelect.tsx';

/** The presets, the settings the link does not hide (with a note on those it does), and the teacher import. */
export function Settings({ client }: { client: WorkerClient }) {
  const hide = useLab(hideSelector);
  return (
    <>
      <HiddenNote />
      {!isHidden(hide, PRESETS_TARGET) && <PresetSelect />}
      <ControlPanel />
      <ImportTeacher client={client} />
    </>
  );
}
