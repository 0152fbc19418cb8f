import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['tests/**/*.test.ts'],
    // Fixture projects may hold their own *.test.ts files: they are inputs, not tests.
    exclude: ['**/node_modules/**', '.build/**', 'tests/**/__testfixtures__/**', 'tests/fixtures/**'],
    testTimeout: 30_000,
  },
});
