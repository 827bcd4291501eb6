/**
 * Share links: an experiment as readable `key=value` pairs, `v=1&data=spiral&labels=16&...`.
 * PARAMS drives both directions: encode writes every key in table order, decode reads
 * the same keys and validates them through validateConfig.
 */
import { DATASETS } from '../data/datasets.ts';
import { canonicalFloat, PARAM_TABLE, PARAMS, type ParamKey } from './params.ts';
import type { ExperimentConfig } from './schema.ts';
import { showValue, validateConfig, type RawConfig, type ValidatedConfig } from './validate.ts';
import { DEFAULT_VIEW, encodeView, isViewKey, validateView, type ViewKey, type ViewOptions } from './view.ts';

/** A decoded link: the experiment, how the page shows it, and the notes of both. */
export interface DecodedLink extends ValidatedConfig {
  view: ViewOptions;
}

/** A complete link is about 330 characters; anything past this is not read. */
export const MAX_LINK_LENGTH = 4096;
/** key=value pieces read at most (there are 30 keys). */
const MAX_PIECES = 100;
/** Notes returned at most; the rest are counted in a last note. */
const MAX_NOTES = 12;
/** Unknown keys named at most in their note. */
const MAX_UNKNOWN_SHOWN = 5;

/**
 * The link text (without `#`) of a validated config: every key, in table order, enums by
 * name, floats without float32 noise, `hidden` as `16,16`, booleans as 0|1, `points` only
 * under `data=custom`; then the view keys (src/config/view.ts) that differ from the default.
 */
export function encodeLink(config: ExperimentConfig, view: ViewOptions = DEFAULT_VIEW): string {
  const written = PARAMS.filter((param) => param.kind !== 'points' || DATASETS[config.data].kind === 'custom');
  const settings = written.map((param) => `${param.key}=${formatValue(param.kind, config[param.key])}`).join('&');
  const shown = encodeView(view);
  return shown === '' ? settings : `${settings}&${shown}`;
}

/** What the page says of a link too long to read back in full (many points): share them as a CSV file instead. */
export function linkLengthNote(link: string): string | undefined {
  if (link.length <= MAX_LINK_LENGTH) return undefined;
  return `This link is ${link.length} characters, more than the ${MAX_LINK_LENGTH} a link may hold: too many points to share this way. Share them as a CSV file instead.`;
}

/**
 * Reads a full URL, a `#...` hash, a `?...` query or bare `k=v&...` into the nearest valid
 * experiment. Never throws: unknown, repeated, malformed or out-of-range values fall back
 * or clamp, each with a note. Missing keys take their defaults silently.
 */
export function decodeLink(input: string): DecodedLink {
  const notes: string[] = [];
  let text = typeof input === 'string' ? input : '';
  if (text.length > MAX_LINK_LENGTH) {
    notes.push(`the link is longer than ${MAX_LINK_LENGTH} characters; only the start was read`);
    text = text.slice(0, MAX_LINK_LENGTH);
  }
  const { raw, rawView } = readPieces(settingsPart(text), notes);
  const validated = validateConfig(raw);
  const { view, notes: viewNotes } = validateView(rawView);
  return { config: validated.config, view, notes: capNotes([...notes, ...validated.notes, ...viewNotes]) };
}

function formatValue(kind: (typeof PARAMS)[number]['kind'], value: unknown): string {
  if (kind === 'bool') return value ? '1' : '0';
  if (kind === 'intList' && Array.isArray(value)) return value.join(',');
  if (kind === 'float' && typeof value === 'number') return String(canonicalFloat(value));
  return String(value);
}

/** The `k=v&...` part: after `#` if there is one, else after `?` in a URL, else the whole text. */
function settingsPart(text: string): string {
  const hash = text.indexOf('#');
  if (hash >= 0) return text.slice(hash + 1);
  const query = text.indexOf('?');
  if (query >= 0) return text.slice(query + 1);
  // A URL with neither carries no settings; bare settings never contain ':' before the first '='.
  return /^[a-z][a-z0-9+.-]*:/i.test(text) ? '' : text;
}

function readPieces(settings: string, notes: string[]): { raw: RawConfig; rawView: Partial<Record<ViewKey, string>> } {
  const values = new Map<ParamKey, string>();
  const viewValues = new Map<ViewKey, string>();
  const repeats = new Map<ParamKey, number>();
  const unknown: string[] = [];
  const pieces = settings.split('&', MAX_PIECES + 1);
  if (pieces.length > MAX_PIECES) notes.push(`the link has more than ${MAX_PIECES} settings; only the first ${MAX_PIECES} were read`);
  for (const piece of pieces.slice(0, MAX_PIECES)) {
    if (piece.trim() === '') continue;
    const equals = piece.indexOf('=');
    const key = decodePart(equals < 0 ? piece : piece.slice(0, equals)).trim().toLowerCase();
    // The view keys: the last of each wins, quietly (they change how the page looks, not the run).
    if (isViewKey(key)) viewValues.set(key, equals < 0 ? '' : decodePart(piece.slice(equals + 1)));
    else if (!isParamKey(key)) unknown.push(key);
    else if (equals < 0) notes.push(`${showValue(key)} has no value; using the default`);
    else {
      if (values.has(key)) repeats.set(key, (repeats.get(key) ?? 1) + 1);
      values.set(key, decodePart(piece.slice(equals + 1)));
    }
  }
  for (const [key, count] of repeats) notes.push(`${key} appears ${count} times; using the last, ${showValue(values.get(key))}`);
  if (unknown.length > 0) notes.push(unknownNote(unknown));
  // Built from table keys only, so a hostile key like __proto__ never becomes a property.
  return { raw: Object.fromEntries(values) as RawConfig, rawView: Object.fromEntries(viewValues) };
}

function isParamKey(key: string): key is ParamKey {
  return Object.hasOwn(PARAM_TABLE, key);
}

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // Malformed %-escapes: read the text as written rather than reject the whole link.
    return part;
  }
}

function unknownNote(unknown: string[]): string {
  const shown = unknown.slice(0, MAX_UNKNOWN_SHOWN).map((key) => `"${showValue(key)}"`);
  const more = unknown.length > MAX_UNKNOWN_SHOWN ? ` and ${unknown.length - MAX_UNKNOWN_SHOWN} more` : '';
  return `ignored unknown setting${unknown.length > 1 ? 's' : ''} ${shown.join(', ')}${more}`;
}

function capNotes(notes: string[]): string[] {
  if (notes.length <= MAX_NOTES) return notes;
  return [...notes.slice(0, MAX_NOTES - 1), `…and ${notes.length - MAX_NOTES + 1} more changes`];
}
