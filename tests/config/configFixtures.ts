/** Shared by the config tests: random valid configs and an independent validity check. */
import { decodePoints, encodePoints, STARTER_POINTS } from '../../src/data/customPoints.ts';
import { CLASS_RANGE, isImageDataset } from '../../src/data/datasets.ts';
import type { Rng } from '../../src/data/rng.ts';
import { PARAM_KEYS, PARAMS, type ParamKey, type ParamSpec } from '../../src/config/params.ts';
import type { ExperimentConfig } from '../../src/config/schema.ts';

/** Raw settings drawn inside every parameter's range, floats deliberately unrounded. */
export function randomRawConfig(rng: Rng): Record<ParamKey, unknown> {
  const raw: Partial<Record<ParamKey, unknown>> = {};
  for (const param of PARAMS) raw[param.key] = randomValue(param, rng);
  return raw as Record<ParamKey, unknown>;
}

function randomValue(param: ParamSpec, rng: Rng): unknown {
  switch (param.kind) {
    case 'enum':
      return param.values[rng.int(param.values.length)];
    case 'bool':
      return rng.next() < 0.5;
    case 'int':
      return param.min + rng.int(param.max - param.min + 1);
    case 'float':
      if (rng.next() < 0.2) return rng.next() < 0.5 ? param.min : param.max;
      return param.scale === 'log'
        ? Math.exp(Math.log(param.min) + rng.next() * (Math.log(param.max) - Math.log(param.min)))
        : param.min + rng.next() * (param.max - param.min);
    case 'intList':
      return Array.from({ length: 1 + rng.int(param.maxLength) }, () => param.min + rng.int(param.max - param.min + 1));
    case 'points':
      return rng.next() < 0.5 ? '' : encodePoints(STARTER_POINTS.slice(rng.int(STARTER_POINTS.length)));
  }
}

/** Everything wrong with a config, checked against the table directly (not through validateConfig). */
export function configProblems(config: ExperimentConfig): string[] {
  const problems: string[] = [];
  const keys = Object.keys(config).sort();
  if (keys.join() !== [...PARAM_KEYS].sort().join()) problems.push(`keys ${keys.join()}`);
  for (const param of PARAMS) {
    const value: unknown = config[param.key];
    if (!valueFits(param, value)) problems.push(`${param.key}=${String(value)}`);
  }
  const range = CLASS_RANGE[config.data];
  if (range === undefined || config.classes < range.min || config.classes > range.max) problems.push('classes vs data');
  if (config.labels < config.classes || config.labels > config.pool) problems.push('labels vs classes/pool');
  if (config.model === 'cnn' && !isImageDataset(config.data)) problems.push('cnn vs 2-D data');
  return problems;
}

const inRange = (n: unknown, min: number, max: number): boolean =>
  typeof n === 'number' && Number.isFinite(n) && !Object.is(n, -0) && n >= min && n <= max;

function valueFits(param: ParamSpec, value: unknown): boolean {
  switch (param.kind) {
    case 'enum':
      return (param.values as readonly unknown[]).includes(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'points':
      return typeof value === 'string' && decodePoints(value).note === undefined;
    case 'int':
      return inRange(value, param.min, param.max) && Number.isInteger(value);
    case 'float':
      return inRange(value, param.min, param.max);
    case 'intList':
      return (
        Array.isArray(value) &&
        value.length >= param.minLength &&
        value.length <= param.maxLength &&
        value.every((item) => inRange(item, param.min, param.max) && Number.isInteger(item))
      );
  }
}
