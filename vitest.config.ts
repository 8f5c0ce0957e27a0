import { defineConfig } from 'vitest/config';

// Database tests (*.db.test.ts) run twice: on the PostgreSQL server at 127.0.0.1:5432 (15 here) and on the
// embedded PostgreSQL 18 that `npm start` uses. Pure tests and browser journeys run once.
const dbTests = ['server/**/*.db.test.ts'];
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...dbTests, 'node_modules/**', 'dist/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'pg-server',
          include: dbTests,
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/log-watch.setup.ts'],
          env: { TEST_PG_TARGET: 'server' },
        },
      },
      {
        extends: true,
        test: {
          name: 'pg-embedded',
          include: dbTests,
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/log-watch.setup.ts'],
          env: { TEST_PG_TARGET: 'embedded' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
      // the reliability suite, on demand only (npm run test:faults): crashes of the real server, restarts, checks
      ...(process.env.FAULTS
        ? [
            {
              extends: true as const,
              test: { name: 'faults', include: ['faults/**/*.faults.test.ts'], testTimeout: 3_600_000, fileParallelism: false },
            },
          ]
        : []),
    ],
  },
});
