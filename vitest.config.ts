import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'principles/**/*.test.ts', 'bench/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
          // Generous: the first test of a file may load the real Qwen3 tokenizer, slow on a busy
          // 2-core machine. Speed is measured in benchmarks, never by test timeouts.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
