import { beforeAll, describe, expect, test } from 'vitest';
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

describe('bit for bit where a kernel does the reference\'s own arithmetic in its order (gather, sumRows, adamStep, activationBackward, maxPool)', () => {
  const exact = [...OP_CASES, ...STACKED_CASES].filter((c) => /^(sumRows|adamStep|activationBackward|maxPool|maxPoolBackward|gather) /.test(c.name));
  test('there are such cases', () => expect(exact.length).toBeGreaterThan(4));
  test.each(opCases(exact))('%s', async (_, testCase) => check({ ...testCase, tolerance: 0 }));
});
