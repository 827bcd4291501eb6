import { defineConfig } from 'vitest/config';
import { withSwiftShader } from './scripts/swiftshaderEnv.mjs';

// Test workers are forked from this process, so Dawn for Node finds SwiftShader in them
// whether vitest was started by `npm test` or by hand.
Object.assign(process.env, withSwiftShader());

/** Unit tests: Node, no browser. End-to-end tests live in vitest.e2e.config.ts. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
  },
});
