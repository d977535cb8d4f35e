// Unit and integration tests sit beside the code as *.test.ts(x). Two projects:
//   node  src/main/**, src/shared/** and examples/**: the engine with real SQLite, sharp and temp folders
//   web   src/renderer/**: React components in jsdom
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real sharp, SQLite and file watching on a 2-core machine: be generous.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // better-sqlite3 and sharp are native addons: processes, not worker threads.
          pool: 'forks',
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'examples/**/*.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
