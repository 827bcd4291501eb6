import { defineConfig } from 'vitest/config';

/** Unit tests: Node, no browser. End-to-end tests live in vitest.e2e.config.ts. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
