import { PRESETS } from '../../src/config/presets.ts';

/**
 * The link of the preset named `presetName`, with the settings in `changes` set to new values
 * (`presetLink('Two moons from 18 labels', { gens: 4 })`). Throws on an unknown preset or setting,
 * so a typo in a lesson fails its test rather than opening the wrong experiment.
 */
export function presetLink(presetName: string, changes: Readonly<Record<string, string | number>> = {}): string {
  const preset = PRESETS.find((item) => item.name === presetName);
  if (!preset) throw new Error(`no preset named "${presetName}"`);
  const pieces = preset.link.split('&');
  for (const [key, value] of Object.entries(changes)) {
    const index = pieces.findIndex((piece) => piece.startsWith(`${key}=`));
    if (index < 0) throw new Error(`the preset "${presetName}" has no setting "${key}"`);
    pieces[index] = `${key}=${value}`;
  }
  return pieces.join('&');
}
