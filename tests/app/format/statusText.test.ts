import { expect, test } from 'vitest';
import { backendText, isFallback, statusText, type StatusInputs } from '../../../app/format/statusText.ts';
import { WEBGPU_BROWSERS } from '../../../src/engine/webgpu/device.ts';

const base: StatusInputs = { status: 'idle', generation: -1, epoch: 0, totalGenerations: 8, lastGeneration: -1, stoppedEarly: false, error: null };

test('says what the run is doing', () => {
  expect(statusText(base)).toBe('Ready');
  expect(statusText({ ...base, status: 'running', generation: 3, epoch: 12, lastGeneration: 2 })).toBe('Generation 3 of 8 · epoch 12');
  expect(statusText({ ...base, status: 'paused', generation: 3, epoch: 30, lastGeneration: 3 })).toBe('Paused at generation 3 of 8');
  expect(statusText({ ...base, status: 'paused', generation: 4, epoch: 7, lastGeneration: 3 })).toBe('Paused at generation 4 of 8 · epoch 7');
  expect(statusText({ ...base, status: 'done', lastGeneration: 8 })).toBe('Done: 8 generations');
  expect(statusText({ ...base, status: 'done', lastGeneration: 1 })).toBe('Done: 1 generation');
  expect(statusText({ ...base, status: 'done', lastGeneration: 4, stoppedEarly: true })).toBe('Done: 4 generations (stopped early)');
  expect(statusText({ ...base, status: 'error', error: 'The worker stopped.' })).toBe('Error: The worker stopped.');
  // Before generation 0's first epoch, and the oracle after generation 0.
  expect(statusText({ ...base, status: 'running' })).toBe('Generation 0 of 8');
  expect(statusText({ ...base, status: 'running', generation: 1, lastGeneration: 0, oracleTraining: true })).toBe('Training the oracle (all labels)');
  expect(statusText({ ...base, status: 'running', warmingUp: 'rotate' })).toBe('Warm-up (rotate) before generation 0');
});

test('names the backend and why, once', () => {
  expect(backendText(null)).toBe('');
  expect(backendText({ kind: 'cpu', adapter: 'CPU (JavaScript)', reason: 'CPU: the fastest for a model this small' })).toBe('CPU: the fastest for a model this small');
  expect(backendText({ kind: 'webgpu', adapter: 'swiftshader', reason: 'the link asks for it' })).toBe('WebGPU: the link asks for it');
  expect(backendText({ kind: 'wasm', adapter: 'CPU (WebAssembly SIMD)', reason: 'the link asks for it' })).toBe('WebAssembly SIMD: the link asks for it');
  const wasmNote = 'WebAssembly SIMD: the link asks for it (backend=wasm).';
  expect(backendText({ kind: 'wasm', adapter: 'CPU (WebAssembly SIMD)', reason: wasmNote })).toBe(wasmNote);
});

test('a CPU note from a missing GPU shows as is and is marked as a fallback', () => {
  const note = `CPU: backend=webgpu was asked for, but this browser has no WebGPU (navigator.gpu is missing). ${WEBGPU_BROWSERS}`;
  const cpu = { kind: 'cpu' as const, adapter: 'CPU (JavaScript)', reason: note };
  expect(backendText(cpu)).toBe(note);
  expect(isFallback(cpu)).toBe(true);
  expect(isFallback({ ...cpu, reason: 'CPU: the link asks for it (backend=cpu).' })).toBe(false);
  const gpu = { kind: 'webgpu' as const, adapter: 'acme (hardware)', reason: 'WebGPU on acme (hardware): the link asks for it (backend=webgpu).' };
  expect(backendText(gpu)).toBe(gpu.reason);
  expect(isFallback(gpu)).toBe(false);
  expect(isFallback(null)).toBe(false);
});
