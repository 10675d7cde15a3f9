import { defineConfig } from 'vitest/config';
import { testProjects } from './vitest.workspace.ts';

export default defineConfig({
  test: {
    projects: testProjects.map((root) => ({
      extends: true,
      test: { name: root.split('/')[1], root, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
    })),
    // Packaging and end-to-end tests start real processes; two cores run two files at a time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
