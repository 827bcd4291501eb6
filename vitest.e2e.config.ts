import { defineConfig } from 'vitest/config';

/** End-to-end tests: build the app once, serve it on 127.0.0.1, drive Debian's Chromium with Playwright. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/globalSetup.ts', 'tests/e2e/globalSetup.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
