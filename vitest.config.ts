// Unit tests in Node, the window's hooks and components in a DOM (jsdom, with fake-indexeddb for
// Dexie), the package check, and end-to-end tests that drive the web build in Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/{shared,electron,renderer,tooling}/**/*.test.ts'],
          exclude: ['tests/**/*.dom.test.{ts,tsx}'],
          environment: 'node',
        },
        define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
      },
      {
        test: {
          name: 'dom',
          include: ['tests/renderer/**/*.dom.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/renderer/window/domSetup.ts'],
        },
        define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
      },
      {
        test: {
          name: 'package',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The app answers a click or a key through IndexedDB and a worker: on a busy 2-core machine
          // that can take over the default 1 s. A poll that should fail still fails, after 10 s.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
