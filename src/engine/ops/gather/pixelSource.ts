import { PIXEL_VALUES } from '../../core/tensor.ts';

/**
 * WGSL declaring a gather's source binding `name` and how to read it: `<name>Value(i)`, the
 * i-th value, and `<name>Length()`, how many there are. Floats are read as they are; image
 * bytes (a byte tensor, four to a little-endian word) as PIXELS[v] = v / 255 in f32, exactly the
 * image rows' floats, with the byte count in Params field `<name>Bytes` (the binding is padded).
 */
export function sourceDeclaration(name: string, binding: number, bytes: boolean): string {
  if (!bytes) {
    return `@group(0) @binding(${binding}) var<storage, read> ${name}: array<f32>;
fn ${name}Length() -> u32 { return arrayLength(&${name}); }
fn ${name}Value(i: u32) -> f32 { return ${name}[i]; }`;
  }
  return `@group(0) @binding(${binding}) var<storage, read> ${name}: array<u32>;
const ${name}Pixels = array<f32, 256>(${Array.from(PIXEL_VALUES, hexFloat).join(', ')});
fn ${name}Length() -> u32 { return min(params.${name}Bytes, 4u * arrayLength(&${name})); }
fn ${name}Value(i: u32) -> f32 { return ${name}Pixels[(${name}[i >> 2u] >> ((i & 3u) * 8u)) & 255u]; }`;
}

/** An f32 as an exact WGSL hexadecimal float literal (0x1.0101p-8f). */
function hexFloat(value: number): string {
  if (value === 0) return '0.0f';
  const bits = new Uint32Array(Float32Array.of(value).buffer)[0];
  const exponent = ((bits >>> 23) & 0xff) - 127;
  const mantissa = ((bits & 0x7fffff) << 1).toString(16).padStart(6, '0');
  return `${bits >>> 31 ? '-' : ''}0x1.${mantissa}p${exponent}f`;
}
