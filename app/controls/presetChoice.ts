import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { PRESETS } from '../../src/config/presets.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { labStore } from '../store/useLabStore.ts';

/** The menu value for a config that matches no preset. */
export const CUSTOM = 'custom';

/** Each preset's canonical link, worked out on first use rather than while the page loads. */
const canonicalLinks = (() => {
  let links: string[] | null = null;
  return () => (links ??= PRESETS.map((preset) => encodeLink(decodeLink(preset.link).config)));
})();

/** The index (as the menu's value) of the preset this config is, or CUSTOM. */
export function presetValue(config: ExperimentConfig): string {
  const index = canonicalLinks().indexOf(encodeLink(config));
  return index < 0 ? CUSTOM : String(index);
}

/** Whether `config` is `preset`'s experiment on another seed, backend or labeler: the same recipe, numbers aside. */
export function sameRecipe(config: ExperimentConfig, preset: ExperimentConfig): boolean {
  return encodeLink({ ...config, seed: preset.seed, backend: preset.backend, labeler: preset.labeler }) === encodeLink(preset);
}

/** The config of the preset a menu value names; null for CUSTOM or anything unknown. */
export function presetConfig(value: string): ExperimentConfig | null {
  const preset = PRESETS[Number(value)];
  return value !== CUSTOM && preset ? decodeLink(preset.link).config : null;
}

/** Replaces every setting (and so the link) with the preset a menu value names; nothing for CUSTOM or anything unknown. */
export function choosePreset(value: string): void {
  const next = presetConfig(value);
  if (next) labStore.getState().setConfig(next, []);
}
