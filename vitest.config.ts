import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine, and the suite
    // ran file after file (~7.5 min). Most of its time is spent waiting on child processes, git and loopback
    // servers, so two workers nearly halve it; tests that depend on timing keep margins for a loaded machine.
    maxWorkers: 2,
  },
});
