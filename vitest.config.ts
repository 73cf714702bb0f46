import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,cli,node,electron,renderer,templates,scripts,build,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser end-to-end tests share one Chromium per file; two cores on CI machines.
    maxWorkers: 2,
  },
});
