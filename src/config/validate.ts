/**
 * Turns any partial, possibly hostile, set of settings into the nearest valid experiment,
 * with one human-readable note per value it had to change. Never throws.
 */
import { decodePoints, encodePoints, STARTER_POINTS, type CustomPoint } from '../data/customPoints.ts';
import { customClasses } from '../data/customSplit.ts';
import { DATASET_NAMES, DATASETS } from '../data/datasets.ts';
import {
  canonicalFloat,
  LINK_VERSION,
  PARAMS,
  type BoolParam,
  type EnumParam,
  type FloatParam,
  type IntListParam,
  type IntParam,
  type ParamKey,
  type ParamSpec,
} from './params.ts';
import type { ExperimentConfig } from './schema.ts';

/** Settings as they arrive: typed values from a control, or strings from a link. */
export type RawConfig = Readonly<Partial<Record<ParamKey, unknown>>>;

export interface ValidatedConfig {
  config: ExperimentConfig;
  /** What was changed and why, one line each; empty when the input was already valid. */
  notes: string[];
}

/** Longest echo of a user's value inside a note. */
const SHOWN_LENGTH = 24;

/** Reads only own properties of `partial`, so `__proto__` and friends are never consulted. */
export function validateConfig(partial: RawConfig): ValidatedConfig {
  const source: RawConfig = typeof partial === 'object' && partial !== null ? partial : {};
  const notes: string[] = [];
  const config: Partial<Record<ParamKey, unknown>> = {};
  for (const param of PARAMS) {
    const raw = Object.hasOwn(source, param.key) ? source[param.key] : undefined;
    config[param.key] = param.key === 'v' ? validateVersion(raw, notes) : validateParam(param, raw, notes);
  }
  // Every key of ExperimentConfig has just been filled from its spec, each with a value of its kind.
  const full = config as ExperimentConfig;
  fitClassesToData(full, Object.hasOwn(source, 'classes') ? notes : []);
  fitModelToData(full, notes);
  fitSizesToData(full, notes);
  fitLabels(full, notes);
  fitCustomPoints(full, notes);
  fitCommittee(full, notes);
  fitGate(full, notes);
  fitSearch(full, notes);
  fitPretrain(full, notes);
  return { config: full, notes };
}

/** A value as a note may quote it: short, and without control or bidirectional characters. */
export function showValue(raw: unknown): string {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' || typeof raw === 'boolean') text = String(raw);
  else if (Array.isArray(raw)) text = raw.slice(0, 8).map((item) => (typeof item === 'number' ? String(item) : '?')).join(',');
  else text = raw === null ? 'null' : `(${typeof raw})`;
  const codePoints = Array.from(text.slice(0, SHOWN_LENGTH * 2).replace(/\p{C}/gu, '?'));
  return codePoints.length > SHOWN_LENGTH ? `${codePoints.slice(0, SHOWN_LENGTH).join('')}…` : codePoints.join('');
}

function validateParam(param: ParamSpec, raw: unknown, notes: string[]): unknown {
  if (raw === undefined) return param.kind === 'intList' ? [...param.default] : param.default;
  switch (param.kind) {
    case 'enum':
      return validateEnum(param, raw, notes);
    case 'int':
    case 'float':
      return validateNumber(param, raw, notes);
    case 'bool':
      return validateBool(param, raw, notes);
    case 'intList':
      return validateIntList(param, raw, notes);
    case 'points':
      return validatePoints(raw, notes);
  }
}

/** A finite or infinite number from a number or a plain decimal string; null for anything else. */
function parseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isNaN(raw) ? null : raw;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : null;
}

function validateVersion(raw: unknown, notes: string[]): number {
  if (raw !== undefined && parseNumber(raw) !== LINK_VERSION) {
    notes.push(`link version ${showValue(raw)} is not one this page knows; reading it as version ${LINK_VERSION}`);
  }
  return LINK_VERSION;
}

function validateEnum(param: EnumParam & { key: ParamKey }, raw: unknown, notes: string[]): string {
  const name = typeof raw === 'string' ? raw.trim().toLowerCase() : null;
  const match = param.values.find((value) => value === name);
  if (match !== undefined) return match;
  notes.push(`${param.key}=${showValue(raw)} is not one of ${param.values.join(', ')}; using ${param.default}`);
  return param.default;
}

function validateNumber(param: (IntParam | FloatParam) & { key: ParamKey }, raw: unknown, notes: string[]): number {
  const parsed = parseNumber(raw);
  const shown = `${param.key}=${showValue(raw)}`;
  if (parsed === null) {
    notes.push(`${shown} is not a number; using ${param.default}`);
    return param.default;
  }
  // Floats keep FLOAT_DIGITS digits silently: that is formatting, not a change of setting.
  const value = param.kind === 'int' ? Math.round(parsed) + 0 : canonicalFloat(parsed);
  if (value < param.min) {
    notes.push(`${shown} is below the minimum ${param.min}; using ${param.min}`);
    return param.min;
  }
  if (value > param.max) {
    notes.push(`${shown} is above the maximum ${param.max}; using ${param.max}`);
    return param.max;
  }
  if (value !== parsed && param.kind === 'int') notes.push(`${shown} is not a whole number; using ${value}`);
  return value;
}

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

function validateBool(param: BoolParam & { key: ParamKey }, raw: unknown, notes: string[]): boolean {
  if (typeof raw === 'boolean') return raw;
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : typeof raw === 'number' ? String(raw) : '';
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  const fallback = param.default ? 1 : 0;
  notes.push(`${param.key}=${showValue(raw)} is not 0 or 1; using ${fallback}`);
  return param.default;
}

function validateIntList(param: IntListParam & { key: ParamKey }, raw: unknown, notes: string[]): number[] {
  const items: readonly unknown[] | null = typeof raw === 'string' ? raw.split(',', param.maxLength + 1) : Array.isArray(raw) ? raw : null;
  const values: number[] = [];
  let changed = items === null || items.length > param.maxLength;
  for (const item of (items ?? []).slice(0, param.maxLength)) {
    const parsed = parseNumber(item);
    if (parsed === null) {
      changed = true;
      continue;
    }
    const value = Math.min(param.max, Math.max(param.min, Math.round(parsed)));
    changed ||= value !== parsed;
    values.push(value);
  }
  const result = values.length >= param.minLength ? values : [...param.default];
  if (changed) {
    const rule = `${param.minLength}-${param.maxLength} whole numbers from ${param.min} to ${param.max}`;
    notes.push(`${param.key}=${showValue(raw)} is not a list of ${rule}; using ${result.join(',')}`);
  }
  return result;
}

/** The canonical `points=` value of encoded points or a list of them; a damaged value reads as none, with the decoder's note. */
function validatePoints(raw: unknown, notes: string[]): string {
  if (typeof raw !== 'string') {
    notes.push(`points=${showValue(raw)} is not encoded points; using none`);
    return '';
  }
  const decoded = decodePoints(raw.trim());
  if (decoded.note !== undefined) notes.push(decoded.note);
  return encodePoints(decoded.points);
}

/**
 * The class's own points decide their classes, and must hold the labels, the audit, a pool and
 * a test set (src/data/customSplit.ts); no points, or too few, start from the starter points.
 * Other datasets read no points, so theirs are dropped: the same experiment has one link.
 */
function fitCustomPoints(config: ExperimentConfig, notes: string[]): void {
  if (DATASETS[config.data].kind !== 'custom') {
    config.points = '';
    return;
  }
  let points = decodePoints(config.points).points;
  if (classedCount(points) < customClasses(points) + 2) {
    if (points.length > 0) notes.push(`data=custom needs at least ${customClasses(points) + 2} points with a class; using the starter points`);
    points = [...STARTER_POINTS];
    config.points = encodePoints(points);
  }
  config.classes = customClasses(points);
  const auditRoom = classedCount(points) - config.classes - 2;
  if (config.audit > auditRoom) {
    notes.push(`audit=${config.audit} does not fit the ${classedCount(points)} points with a class beside the labels; using ${auditRoom}`);
    config.audit = auditRoom;
  }
  const most = classedCount(points) - config.audit - 2;
  const labels = Math.min(most, Math.max(config.classes, config.labels));
  if (labels !== config.labels) {
    notes.push(`labels=${config.labels} does not fit the ${classedCount(points)} points with a class (${config.classes} classes, a pool and a test set); using ${labels}`);
    config.labels = labels;
  }
}

const classedCount = (points: readonly CustomPoint[]): number => points.filter((point) => point.label !== undefined).length;

/**
 * Circle, xor and moons have two classes; spiral and gauss allow a few more, image sets ten
 * (each entry's `classes`). The caller passes a throwaway list where the link did not set classes.
 */
function fitClassesToData(config: ExperimentConfig, notes: string[]): void {
  const { min, max } = DATASETS[config.data].classes;
  const fitted = Math.min(max, Math.max(min, config.classes));
  if (fitted === config.classes) return;
  const allowed = min === max ? `which always has ${min} classes` : `which takes ${min}-${max} classes`;
  notes.push(`classes=${config.classes} does not fit ${config.data}, ${allowed}; using ${fitted}`);
  config.classes = fitted;
}

/** The CNN convolves images: on 2-D points there is nothing to convolve, so the MLP runs. */
function fitModelToData(config: ExperimentConfig, notes: string[]): void {
  if (config.model !== 'cnn' || DATASETS[config.data].image) return;
  const images = DATASET_NAMES.filter((name) => DATASETS[name].image).join(' or ');
  notes.push(`model=cnn needs image data (${images}), not ${config.data}; using mlp`);
  config.model = 'mlp';
}

/**
 * Each dataset's size limits (its entry's `limits`): 2-D sets keep pool and test to
 * MAX_POINTS_2D; an image set's labelled examples and pool both come from its 60,000
 * training images, so together they fit in them.
 */
function fitSizesToData(config: ExperimentConfig, notes: string[]): void {
  const limits = DATASETS[config.data].limits;
  if (limits.train !== undefined) {
    const room = limits.train - config.labels - config.audit;
    if (config.pool > room) {
      const taken = config.audit > 0 ? `labels=${config.labels} and audit=${config.audit}` : `labels=${config.labels}`;
      notes.push(`pool=${config.pool} and ${taken} do not fit in ${config.data}'s ${limits.train} training images; using pool=${room}`);
      config.pool = room;
    }
  }
  for (const key of ['pool', 'test'] as const) {
    const most = limits[key];
    if (most === undefined || config[key] <= most) continue;
    notes.push(`${key}=${config[key]} is more than a 2-D set holds (${most}); using ${most}`);
    config[key] = most;
  }
}

/** At least one labelled example per class, and no more labels than the pool holds. */
function fitLabels(config: ExperimentConfig, notes: string[]): void {
  if (config.labels < config.classes) {
    notes.push(`labels=${config.labels} is fewer than one per class (${config.classes} classes); using ${config.classes}`);
    config.labels = config.classes;
  }
  if (config.labels > config.pool) {
    notes.push(`labels=${config.labels} is more than the pool holds (${config.pool}); using ${config.pool}`);
    config.labels = config.pool;
  }
}

/**
 * A committee has `students` members, so no more than that can agree; `agree` means nothing
 * without a committee, so it is left as it is under `critic=none`.
 */
function fitCommittee(config: ExperimentConfig, notes: string[]): void {
  if (config.critic !== 'committee' || config.agree <= config.students) return;
  notes.push(`agree=${config.agree} is more than the committee's ${config.students} students; using ${config.students}`);
  config.agree = config.students;
}

/** The gate compares challenger and champion on the audit: without one there is nothing to compare them by. */
function fitGate(config: ExperimentConfig, notes: string[]): void {
  if (!config.gate || config.audit > 0) return;
  notes.push('gate=1 compares the challenger with the champion on the audit, and audit=0 has none; using gate=0 (set audit to 20 or more to gate)');
  config.gate = false;
}

/** A search compares students' recipes, so it needs two students at least; with one it is turned off. */
function fitSearch(config: ExperimentConfig, notes: string[]): void {
  if (config.search === 'off' || config.students >= 2) return;
  notes.push(`search=${config.search} needs students=2 or more to compare recipes (students=${config.students}); using search=off`);
  config.search = 'off';
}

/** The rotation warm-up turns square images: on 2-D data or under the MLP it becomes the denoising one. */
function fitPretrain(config: ExperimentConfig, notes: string[]): void {
  if (config.pretrain !== 'rotate' || (config.model === 'cnn' && DATASETS[config.data].image)) return;
  notes.push('pretrain=rotate turns images and needs model=cnn on an image dataset; using pretrain=denoise');
  config.pretrain = 'denoise';
}
