import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test-support/summary-reporter.js';

export const config = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test-support/**/*.test.ts', 'eslint-rules/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', new SummaryReporter()],
  },
});

// Vitest loads a config file's default export; this file is the one place a default export is
// required by a tool, and the lint rule allows it here by name (eslint.config.js).
export default config;
