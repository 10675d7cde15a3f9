import { defineConfig } from 'vitest/config';

/** Tests that document a bug found by the proof suite in code outside this package; kept out of CI. */
export default defineConfig({
  test: { root: import.meta.dirname, include: ['*.test.ts'], testTimeout: 30_000, hookTimeout: 240_000 },
});
