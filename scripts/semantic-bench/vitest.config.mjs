// Runs semantic-100k.ts (a measurement, not a unit test) with vitest's TypeScript loading.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/semantic-bench/semantic-100k.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 600_000,
  },
});
