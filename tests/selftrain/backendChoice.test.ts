import { expect, test } from 'vitest';
import { createBackend } from '../../src/selftrain/backendChoice.ts';

test('auto and cpu both give the CPU backend, each saying why', () => {
  for (const choice of ['auto', 'cpu'] as const) {
    const backend = createBackend(choice);
    expect(backend.info.kind).toBe('cpu');
    expect(backend.info.reason).toMatch(/^CPU: /);
    backend.dispose();
  }
  expect(createBackend('auto').info.reason).toMatch(/small/);
  expect(createBackend('cpu').info.reason).toMatch(/backend=cpu/);
});
