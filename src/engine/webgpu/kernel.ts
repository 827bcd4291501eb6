import { EngineError } from '../core/errors.ts';
import models from './models.wgsl?raw';

/** How a binding is declared in WGSL, which fixes its bind group layout entry. */
export type BindingKind = 'uniform' | 'read-only-storage' | 'storage';

/** One `@group(0) @binding(n) var<...> name: type;` declaration. */
export interface BindingDecl {
  name: string;
  binding: number;
  kind: BindingKind;
}

/** One scalar field of the `Params` uniform struct, at its byte offset. */
export interface UniformField {
  name: string;
  type: 'u32' | 'i32' | 'f32';
  offset: number;
}

/** The `Params` struct's layout: scalar fields 4 bytes apart, size rounded up to 16 bytes. */
export interface UniformLayout {
  fields: readonly UniformField[];
  size: number;
}

/** A WGSL compute kernel with what its source declares: bindings and the uniform layout. */
export interface Kernel {
  label: string;
  source: string;
  bindings: readonly BindingDecl[];
  params: UniformLayout;
  /** The model dimension, read once from Params: each binding's stride field (`xModel` for x), and whether it takes `models`. */
  modelFields: ReadonlyMap<string, string>;
  countsModels: boolean;
  /** Bindings the kernel writes (storage, read_write). */
  writable: ReadonlySet<string>;
}

const BINDING = /@group\(0\)\s*@binding\((\d+)\)\s*var(?:<\s*(\w+)\s*(?:,\s*(\w+)\s*)?>)?\s+(\w+)\s*:/g;
const PARAMS_STRUCT = /struct\s+Params\s*\{([^}]*)\}/;
const FIELD = /(\w+)\s*:\s*(\w+)\s*,?/g;

/**
 * Reads a kernel's bindings and its `Params` struct from the WGSL source, so the bind group
 * layout and the uniform writes follow the shader instead of a hand-kept copy. The model
 * dimension's helpers (models.wgsl) are prepended.
 */
export function defineKernel(label: string, source: string): Kernel {
  const bindings = reflectBindings(label, source);
  const params = reflectParams(label, source);
  const fields = new Set(params.fields.map((f) => f.name));
  return {
    label,
    source: `${models}\n${source}`,
    bindings,
    params,
    modelFields: new Map(bindings.filter((b) => fields.has(`${b.name}Model`)).map((b) => [b.name, `${b.name}Model`])),
    countsModels: fields.has('models'),
    writable: new Set(bindings.filter((b) => b.kind === 'storage').map((b) => b.name)),
  };
}

function reflectBindings(label: string, source: string): BindingDecl[] {
  const bindings: BindingDecl[] = [];
  for (const match of source.matchAll(BINDING)) {
    const [, index, space, access, name] = match;
    let kind: BindingKind;
    if (space === 'uniform') kind = 'uniform';
    else if (space === 'storage') kind = access === 'read_write' ? 'storage' : 'read-only-storage';
    else throw new EngineError(`Kernel ${label}: binding ${name} is neither uniform nor storage.`);
    bindings.push({ name, binding: Number(index), kind });
  }
  if (bindings.filter((b) => b.kind === 'uniform').length !== 1) throw new EngineError(`Kernel ${label} must declare exactly one uniform (its Params).`);
  return bindings;
}

function reflectParams(label: string, source: string): UniformLayout {
  const body = PARAMS_STRUCT.exec(source.replace(/\/\/[^\n]*/g, ''));
  if (!body) throw new EngineError(`Kernel ${label} has no "struct Params".`);
  const fields: UniformField[] = [];
  for (const [, name, type] of body[1].matchAll(FIELD)) {
    if (type !== 'u32' && type !== 'i32' && type !== 'f32') throw new EngineError(`Kernel ${label}: Params.${name} is ${type}; only u32, i32 and f32 fields are supported.`);
    fields.push({ name, type, offset: 4 * fields.length });
  }
  return { fields, size: Math.max(16, Math.ceil((4 * fields.length) / 16) * 16) };
}

/** A kernel's `Params` values by field name. */
export type ParamValues = Readonly<Record<string, number>>;

/** Writes `values` into `slot` (a 4-byte-aligned byte offset) of a uniform staging area; every field must be given. */
export function writeParams(kernel: Kernel, values: ParamValues, words: { u32: Uint32Array; i32: Int32Array; f32: Float32Array }, slot: number): void {
  const { fields } = kernel.params;
  if (Object.keys(values).length !== fields.length) {
    throw new EngineError(`Kernel ${kernel.label} takes Params {${fields.map((f) => f.name).join(', ')}}, got {${Object.keys(values).join(', ')}}.`);
  }
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || Number.isNaN(value)) throw new EngineError(`Kernel ${kernel.label}: Params.${field.name} is missing.`);
    if (field.type === 'u32' && !(Number.isInteger(value) && value >= 0 && value <= 0xffffffff)) {
      throw new EngineError(`Kernel ${kernel.label}: Params.${field.name} must be a whole number in [0, 2³²), got ${value}.`);
    }
    const word = (slot + field.offset) >> 2;
    if (field.type === 'f32') words.f32[word] = value;
    else if (field.type === 'i32') words.i32[word] = value;
    else words.u32[word] = value;
  }
}
