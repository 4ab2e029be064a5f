import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{cms,search,seed,site}/src/**/*.test.ts', 'tests/int/**/*.int.spec.ts'],
    environment: 'node',
    // Each file starts Payload on its own database; two at a time fits a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: 'test', PAYLOAD_SECRET: 'gongyu-test-secret' },
  },
})
