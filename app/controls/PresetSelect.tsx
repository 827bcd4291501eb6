import { PRESETS } from '../../src/config/presets.ts';
import { configSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';
import { choosePreset, CUSTOM, presetValue } from './presetChoice.ts';

const PRESET_GROUPS = [
  { kind: 'gain', label: 'Self-training helps' },
  { kind: 'bias', label: 'Confirmation bias' },
] as const;

/** Ready experiments: choosing one replaces every setting (and so the link). */
export function PresetSelect() {
  const config = useLab(configSelector);
  const value = presetValue(config);
  const preset = value === CUSTOM ? null : PRESETS[Number(value)];
  return (
    <div className="field preset">
      <label htmlFor="preset">Preset</label>
      <select
        id="preset"
        value={value}
        aria-describedby="preset-help"
        onChange={(event) => choosePreset(event.target.value)}
      >
        <option value={CUSTOM} disabled={value !== CUSTOM}>
          Custom settings
        </option>
        {PRESET_GROUPS.map(({ kind, label }) => (
          <optgroup key={kind} label={label}>
            {PRESETS.map((option, index) =>
              option.kind === kind ? (
                <option key={option.name} value={String(index)}>
                  {option.name}
                </option>
              ) : null,
            )}
          </optgroup>
        ))}
      </select>
      <p className="field__help" id="preset-help">
        {preset ? preset.description : 'Pick a ready experiment, or change any setting below.'}
      </p>
    </div>
  );
}
