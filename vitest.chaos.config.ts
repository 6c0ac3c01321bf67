import { defineConfig } from 'vitest/config';

/** `npm run test:chaos`: the long crash drills, kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.chaos.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
