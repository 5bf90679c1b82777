import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { E2E_HOOK_TIMEOUT_MS, E2E_TIMEOUT_MS, UNIT_TIMEOUT_MS } from './tests/support/sizing';

// Timeouts are sized for a slow, busy machine (tests/support/sizing.ts): they catch a hang,
// they never judge speed.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'components/**/*.test.tsx'],
          environment: 'node',
          testTimeout: UNIT_TIMEOUT_MS,
          hookTimeout: UNIT_TIMEOUT_MS,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: E2E_TIMEOUT_MS,
          hookTimeout: E2E_HOOK_TIMEOUT_MS,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
          // A real browser on a busy shared machine can miss a frame: one more try, reported as retried.
          retry: 1,
        },
      },
    ],
  },
});
