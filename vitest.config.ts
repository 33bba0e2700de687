import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PGlite takes 1-3 s to start and each file opens its own database.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only adds contention to timing-sensitive Slack deadlines.
    maxWorkers: 2,
  },
});
