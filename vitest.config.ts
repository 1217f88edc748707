import { defineConfig } from 'vitest/config';

// Tests import workspace packages from source (the `source` export condition), so
// unit tests never run against a stale build; CLI end-to-end tests use the built bin.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'fixtures/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
