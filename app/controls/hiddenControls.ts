import { isParamActive } from '../../src/config/params.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { isHidden, PRESETS_TARGET } from '../../src/config/view.ts';
import { PARAM_GROUPS } from './paramGroups.ts';

/** How many controls the page would show for `config` that the link's `hide=` hides (the preset menu counts as one). */
export function hiddenCount(config: ExperimentConfig, hide: readonly string[]): number {
  if (hide.length === 0) return 0;
  const params = PARAM_GROUPS.flatMap(({ params }) => params).filter((param) => isParamActive(param, config) && isHidden(hide, param.key, param.group));
  return params.length + (isHidden(hide, PRESETS_TARGET) ? 1 : 0);
}

/** The note's sentence: "3 settings are hidden by this link." */
export function hiddenText(count: number): string {
  return count === 1 ? '1 setting is hidden by this link.' : `${count} settings are hidden by this link.`;
}
