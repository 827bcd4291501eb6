import { MAX_CUSTOM_CLASSES } from '../../src/data/customPoints.ts';

/** What a click on the plot does: probe the model there, add a point of a class ('0'-'9') or with no class ('none'), or erase the nearest point. */
export type ClickMode = 'probe' | 'erase' | 'none' | `${number}`;

/** Under `data=custom`, the choice of what a click on the plot does: the class's points are drawn there. */
export function DrawTools({ mode, onChange }: { mode: ClickMode; onChange(mode: ClickMode): void }) {
  return (
    <p className="data-view__draw">
      <label htmlFor="click-mode">A click on the plot </label>
      <select id="click-mode" value={mode} onChange={(event) => onChange(event.target.value as ClickMode)}>
        <option value="probe">shows what the model makes of it</option>
        {Array.from({ length: MAX_CUSTOM_CLASSES }, (_, c) => (
          <option key={c} value={String(c)}>
            adds a point of class {c}
          </option>
        ))}
        <option value="none">adds a point with no class (trained on, not scored)</option>
        <option value="erase">erases the nearest point</option>
      </select>
    </p>
  );
}
