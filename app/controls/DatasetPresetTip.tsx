import { PRESETS } from '../../src/config/presets.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { DATASETS } from '../../src/data/datasets.ts';
import { choosePreset, CUSTOM, presetValue } from './presetChoice.ts';

/**
 * Under the dataset of an image experiment that is not a preset: the preset tuned for these
 * images (its entry's `preset`), one click away. The other settings' defaults are made for
 * 2-D points, so picking MNIST in the Dataset menu alone trains an 8-8 MLP on noisy pixels.
 */
export function DatasetPresetTip({ config }: { config: ExperimentConfig }) {
  const entry = DATASETS[config.data];
  if (!entry.offerPreset || presetValue(config) !== CUSTOM) return null;
  const index = PRESETS.findIndex((preset) => preset.name === entry.preset);
  if (index < 0) return null;
  const preset = PRESETS[index];
  return (
    <p className="field__help dataset-tip" data-testid="dataset-preset-tip">
      Settings tuned for these images: <em>{preset.name}</em>.{' '}
      <button
        type="button"
        className="button dataset-tip__use"
        onClick={() => choosePreset(String(index))}
      >
        Use the preset
      </button>
    </p>
  );
}
