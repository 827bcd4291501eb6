import { describe, expect, test } from 'vitest';
import { defineKernel, writeParams } from '../../../src/engine/webgpu/kernel.ts';
import matmul from '../../../src/engine/ops/matmul/matmul.wgsl?raw';

describe('kernel reflection: bindings and the Params layout come from the WGSL source', () => {
  test('reads the matmul kernel', () => {
    const kernel = defineKernel('matmul', matmul);
    expect(kernel.bindings).toEqual([
      { name: 'params', binding: 0, kind: 'uniform' },
      { name: 'a', binding: 1, kind: 'read-only-storage' },
      { name: 'b', binding: 2, kind: 'read-only-storage' },
      { name: 'bias', binding: 3, kind: 'read-only-storage' },
      { name: 'out', binding: 4, kind: 'storage' },
      { name: 'colSums', binding: 5, kind: 'storage' },
    ]);
    expect(kernel.params.fields.map((f) => `${f.name}:${f.type}@${f.offset}`)).toEqual([
      'models:u32@0', 'm:u32@4', 'k:u32@8', 'n:u32@12', 'colSumsAt:u32@16', 'aModel:u32@20', 'bModel:u32@24', 'biasModel:u32@28',
      'outModel:u32@32', 'colSumsModel:u32@36',
    ]);
    expect(kernel.params.size).toBe(48);
  });

  test('writes values by name at their offsets, typed, and refuses a missing or extra one', () => {
    const kernel = defineKernel('t', 'struct Params {\n  count: u32, // items\n  scale: f32,\n  shift: i32,\n}\n@group(0) @binding(0) var<uniform> params: Params;');
    const buffer = new ArrayBuffer(64);
    const words = { u32: new Uint32Array(buffer), i32: new Int32Array(buffer), f32: new Float32Array(buffer) };
    writeParams(kernel, { count: 7, scale: 0.5, shift: -3 }, words, 16);
    expect([words.u32[4], words.f32[5], words.i32[6]]).toEqual([7, 0.5, -3]);
    expect(() => writeParams(kernel, { count: 7, scale: 0.5 }, words, 0)).toThrow(/takes Params/);
    expect(() => writeParams(kernel, { count: 7, scale: 0.5, other: 1 }, words, 0)).toThrow(/shift/);
    expect(() => writeParams(kernel, { count: -1, scale: 0.5, shift: 0 }, words, 0)).toThrow(/count must be a whole number/);
    expect(() => writeParams(kernel, { count: 1.5, scale: 0.5, shift: 0 }, words, 0)).toThrow(/count must be a whole number/);
  });

  test('refuses a kernel without exactly one uniform, or with a non-scalar Params field', () => {
    expect(() => defineKernel('none', 'struct Params { n: u32 }')).toThrow(/exactly one uniform/);
    expect(() => defineKernel('vec', 'struct Params { v: vec4f }\n@group(0) @binding(0) var<uniform> params: Params;')).toThrow(/only u32, i32 and f32/);
  });
});
