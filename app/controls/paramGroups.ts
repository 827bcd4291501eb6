import { canonicalFloat, PARAM_GROUP_NAMES, PARAMS, type ParamGroup, type ParamSpec } from '../../src/config/params.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';
import { validateConfig } from '../../src/config/validate.ts';

export const GROUP_TITLES: Readonly<Record<ParamGroup, string>> = {
  data: 'Data',
  model: 'Model',
  training: 'Training',
  selection: 'Self-training',
  run: 'Run',
};

/** The controls of each group, in table order; the link version is not a control. */
export const PARAM_GROUPS: readonly { group: ParamGroup; title: string; params: readonly ParamSpec[] }[] = PARAM_GROUP_NAMES.map((group) => ({
  group,
  title: GROUP_TITLES[group],
  params: PARAMS.filter((param) => param.group === group && !param.internal),
}));

/** How a field shows a config value: `16,16`, `0.03`, `1000`. */
export function formatParamValue(param: ParamSpec, config: ExperimentConfig): string {
  const value = config[param.key];
  if (Array.isArray(value)) return value.join(',');
  if (param.kind === 'float' && typeof value === 'number') return String(canonicalFloat(value));
  return String(value);
}

/**
 * The config with one setting changed, made valid (clamped, classes fitted to the
 * dataset, labels to the pool) by the same validation every link goes through.
 */
export function withParam(config: ExperimentConfig, key: ParamSpec['key'], value: unknown): ExperimentConfig {
  return validateConfig({ ...config, [key]: value }).config;
}

/** Whether `text` is a value the field can take as typed (in range, whole where it must be). */
export function acceptsText(param: ParamSpec, text: string): boolean {
  const trimmed = text.trim();
  if (param.kind === 'intList') {
    const items = trimmed.split(',');
    return (
      items.length >= param.minLength &&
      items.length <= param.maxLength &&
      items.every((item) => /^\s*\d+\s*$/.test(item) && Number(item) >= param.min && Number(item) <= param.max)
    );
  }
  if (param.kind !== 'int' && param.kind !== 'float') return true;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return false;
  const value = Number(trimmed);
  if (param.kind === 'int' && !Number.isInteger(value)) return false;
  return value >= param.min && value <= param.max;
}
