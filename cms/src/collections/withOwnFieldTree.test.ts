import { describe, expect, it } from 'vitest'
import { buildGongyuConfig } from '../buildGongyuConfig'

describe('building the config more than once in one process', () => {
  it('gives each build its own fields, so a date with a time zone is not added twice (DuplicateFieldName)', async () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', PAYLOAD_SECRET: 'a-test-secret-of-at-least-thirty-two-chars' }
    const builds = [await buildGongyuConfig({ env }), await buildGongyuConfig({ env }), await buildGongyuConfig({ env })]
    const events = builds.map((config) => config.collections.find((collection) => collection.slug === 'events'))
    for (const collection of events) {
      const names = JSON.stringify(collection?.fields ?? []).match(/"name":"startsAt_tz"/g) ?? []
      expect(names).toHaveLength(1)
    }
  }, 60_000)
})
