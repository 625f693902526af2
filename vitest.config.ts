import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Browser and build tests start Chromium and Astro: two cores, so two workers at most.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
