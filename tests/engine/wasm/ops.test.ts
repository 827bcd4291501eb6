import { beforeAll, describe, expect, test } from 'vitest';
import type { Backend } from '../../../src/engine/backend.ts';
import { createCpuBackend } from '../../../src/engine/backends/cpu.ts';
import { createWasmBackend, type WasmBackend } from '../../../src/engine/backends/wasm.ts';
import { STACKED_CASES, OP_CASES } from '../webgpu/opCases.ts';
import { compareOp, type Case, type ParityCase } from '../webgpu/parity.ts';

let wasm: WasmBackend;
beforeAll(() => {
  wasm = createWasmBackend();
});

const opCases = (cases: Case[]) => cases.filter((c): c is ParityCase => !('check' in c)).map((c) => [c.name, c] as const);

/** A case on the WebAssembly backend against the CPU reference, with the WebGPU case's tolerance; it must free what it made. */
async function check(testCase: ParityCase): Promise<void> {
  const before = wasm.liveBytes;
  const { message } = await compareOp(wasm, testCase);
  expect(message).toBe(null);
  expect(wasm.liveBytes).toBe(before);
}

describe('every op on the WebAssembly backend against the CPU reference (a kernel, or the reference itself on wasm memory)', () => {
  test.each(opCases(OP_CASES))('%s', async (_, testCase) => check(testCase));
});

describe('every op over several models at once (stacked tensors) on the WebAssembly backend', () => {
  test.each(opCases(STACKED_CASES))('%s', async (_, testCase) => check(testCase));
});

describe('bit for bit where a kernel does the reference\'s own arithmetic in its order (gather, sumRows, adamStep, activationBackward, maxPool, reconstructionLoss)', () => {
  const exact = [...OP_CASES, ...STACKED_CASES].filter((c) => /^(sumRows|adamStep|activationBackward|maxPool|maxPoolBackward|gather|reconstructionLoss) /.test(c.name));
  test('there are such cases', () => expect(exact.length).toBeGreaterThan(4));
  test.each(opCases(exact))('%s', async (_, testCase) => check({ ...testCase, tolerance: 0 }));
});

test("the forward relu in SIMD is the reference's `if (x < 0) x = 0`, bit for bit: -0 and NaN stay, the tail past a vector too", async () => {
  const values = [-1, -0, 0, 2.5, Number.NaN, -Number.MIN_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -3, 7, -0];
  // dense over a 1×1 weight of 1 and a bias of -0: x·1 + (-0) is x, -0 included, so the relu alone decides.
  const run = async (backend: Backend) => {
    const [x, w, b, out] = [values.length, 1, 1, values.length].map((size, i) => backend.createTensor(size, `t${i}`));
    backend.write(x, Float32Array.from(values));
    backend.write(w, Float32Array.of(1));
    backend.write(b, Float32Array.of(-0));
    backend.dense(x, w, b, out, values.length, 1, 1, 'relu');
    const got = Array.from(await backend.read(out), (v) => (Object.is(v, -0) ? '-0' : String(v)));
    for (const t of [x, w, b, out]) backend.destroy(t);
    return got;
  };
  const expected = await run(createCpuBackend());
  // The reference keeps -0 and NaN through the relu: the case covers both.
  expect(expected).toEqual(expect.arrayContaining(['-0', 'NaN', 'Infinity', '2.5']));
  expect(expected.filter((v) => v === '0').length).toBeGreaterThan(0);
  expect(await run(wasm)).toEqual(expected);
});
