import { PRESETS } from '../../src/config/presets.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { DATASETS } from '../../src/data/datasets.ts';
import { choosePreset, CUSTOM, presetConfig, presetValue, sameRecipe } from './presetChoice.ts';

/**
 * Under the dataset of an experiment that is not a preset, nor the dataset's tuned preset on
 * another seed or backend: that preset (its entry's `preset`), one click away. Changing the dataset alone keeps the other settings,
 * made for another dataset: the two moons' 8-8 MLP sits at chance on the spiral, and trains on
 * MNIST's noisy pixels.
 */
export function DatasetPresetTip({ config }: { config: ExperimentConfig }) {
  const entry = DATASETS[config.data];
  if (presetValue(config) !== CUSTOM) return null;
  const index = PRESETS.findIndex((preset) => preset.name === entry.preset);
  const tuned = presetConfig(String(index));
  if (!tuned || sameRecipe(config, tuned)) return null;
  const preset = PRESETS[index];
  return (
    <p className="field__help dataset-tip" data-testid="dataset-preset-tip">
      Settings tuned for {entry.kind === 'images' ? 'these images' : 'these points'}: <em>{preset.name}</em>.{' '}
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
