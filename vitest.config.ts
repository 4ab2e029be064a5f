import { existsSync } from 'node:fs'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import { isMongoUri } from './cms/src/db/databaseKind.ts'

const integration = ['tests/int/**/*.int.spec.ts']

/**
 * The CMS integration suite runs once per database adapter. SQLite always
 * runs. MongoDB runs against `DATABASE_URI` when it names a MongoDB server,
 * and otherwise against FerretDB, which the global set-up builds (once per
 * machine) and starts on loopback. Without Go to build FerretDB, the MongoDB
 * run is left out with a printed reason, unless GONGYU_REQUIRE_MONGODB=1
 * (as in CI), where that is an error.
 */
function mongodbProject(): TestProjectInlineConfiguration[] {
  const given = isMongoUri(process.env.DATABASE_URI)
  const canBuildFerretDB =
    Boolean(process.env.FERRETDB_BIN) ||
    ['/usr/bin/go', '/usr/local/go/bin/go'].some(existsSync) ||
    Boolean(process.env.PATH?.split(':').some((dir) => existsSync(`${dir}/go`)))
  if (!given && !canBuildFerretDB) {
    const reason = 'MongoDB suite SKIPPED: no DATABASE_URI=mongodb://… and no Go toolchain to build FerretDB (see README, "Tests").'
    if (process.env.GONGYU_REQUIRE_MONGODB === '1') throw new Error(reason)
    console.warn(`\n⚠ ${reason}\n`)
    return []
  }
  return [
    {
      extends: true,
      test: {
        name: 'mongodb',
        include: integration,
        globalSetup: ['tests/helpers/mongodbGlobalSetup.ts'],
        env: { GONGYU_TEST_DATABASE: 'mongodb' },
      },
    },
  ]
}

export default defineConfig({
  test: {
    environment: 'node',
    // Each integration file starts Payload on its own database; two at a time fits a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: 'test', PAYLOAD_SECRET: 'gongyu-test-secret', GONGYU_SEARCH_RETRY_DELAY_MS: '1' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{cms,search,seed,site}/src/**/*.test.ts', 'tests/int/**/*.spec.ts'], exclude: integration },
      },
      { extends: true, test: { name: 'sqlite', include: integration, env: { GONGYU_TEST_DATABASE: 'sqlite' } } },
      // Browser tests: Debian's Chromium through playwright-core, against servers the tests start.
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.e2e.spec.ts'] } },
      ...mongodbProject(),
    ],
  },
})
