import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import path from 'node:path'
import { machineCacheRoot } from './tests/setup/machineCache.ts'
import { isRequired, machineCapabilities } from './tests/setup/machineCapabilities.ts'

const integration = ['tests/int/**/*.int.spec.ts']
const testBankCache = 'tests/setup/testBankCache.ts'

/**
 * What this machine lacks (Chromium, ffmpeg, FerretDB), as found by
 * tests/setup/machineCapabilities.ts; `npm test` first runs
 * tests/setup/prepareMachine.ts, which installs them when it can. The files
 * that need a missing one are left out, with the reason and the install
 * command printed. With GONGYU_REQUIRE_MONGODB=1 a missing MongoDB is an error,
 * with GONGYU_REQUIRE_MACHINE=1 (CI) anything missing is.
 */
const missing = machineCapabilities().filter((state) => !state.available)
for (const state of missing) {
  const what = state.capability === 'mongodb' ? 'the mongodb project' : (state.neededBy ?? state.files.join(', '))
  const notice = `${state.capability} missing (${state.reason}), needed by ${what}. Install: ${state.install}, or as root run node tests/setup/prepareMachine.ts.`
  if (isRequired(state)) throw new Error(notice)
  console.warn(`\n⚠ SKIPPED: ${notice}\n`)
}
const skippedFiles = missing.flatMap((state) => state.files)

/**
 * The CMS integration suite runs once per database adapter. SQLite always
 * runs. MongoDB runs against `DATABASE_URI` when it names a MongoDB server,
 * and otherwise against FerretDB, which the global set-up builds (once per
 * machine, if prepareMachine has not) and starts on loopback.
 */
function mongodbProject(): TestProjectInlineConfiguration[] {
  if (missing.some((state) => state.capability === 'mongodb')) return []
  return [
    {
      extends: true,
      test: {
        name: 'mongodb',
        // tests/mongodb/: files that need a shared database server, so run in this project only.
        include: [...integration, 'tests/mongodb/**/*.int.spec.ts'],
        globalSetup: ['tests/helpers/mongodbGlobalSetup.ts'],
        env: { GONGYU_TEST_DATABASE: 'mongodb' },
      },
    },
  ]
}

export default defineConfig({
  // Vitest runs the slowest files first by the durations it records here (keyed by repository-relative
  // paths); in the machine's cache, so a fresh clone on a warm machine (CI's) starts the long files first.
  cacheDir: path.join(machineCacheRoot(), 'vitest'),
  test: {
    environment: 'node',
    // Each integration file starts Payload on its own database; two at a time fits a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: {
      NODE_ENV: 'test',
      PAYLOAD_SECRET: 'gongyu-test-secret',
      GONGYU_SEARCH_RETRY_DELAY_MS: '1',
      // For a single test that needs a missing capability inside a file that otherwise runs (machineLacks).
      GONGYU_MACHINE_MISSING: missing.map((state) => state.capability).join(','),
    },
    exclude: [...configDefaults.exclude, ...skippedFiles],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{contract,cms,search,seed,site}/src/**/*.test.ts', 'tests/int/**/*.spec.ts', 'tests/setup/**/*.test.ts'],
          exclude: integration,
        },
      },
      // Files that need the starter bank start from a copy seeded once per code change (tests/helpers/seededBank.ts).
      { extends: true, test: { name: 'sqlite', include: integration, globalSetup: [testBankCache], env: { GONGYU_TEST_DATABASE: 'sqlite' } } },
      // Browser tests: Debian's Chromium through playwright-core, against servers the tests start.
      // A page that answers within a second on a quiet machine may take several on a loaded 2-core CI runner; 1 s is Vitest's default.
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.e2e.spec.ts'], globalSetup: [testBankCache], expect: { poll: { timeout: 15_000 } } },
      },
      ...mongodbProject(),
    ],
  },
})
