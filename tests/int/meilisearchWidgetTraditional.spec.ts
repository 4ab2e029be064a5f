import { Meilisearch } from 'meilisearch'
import { ensureSearchKey, MeiliSearchEngine } from '@gongyu/search/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchMeilisearch } from '../../site/src/widgets/gongyu-search-box/searchMeilisearch.ts'
import { publicRecord } from '../fixtures/publicRecords.ts'
import { testMeilisearch, uniqueIndexUid, type TestMeilisearch } from '../helpers/meilisearch.ts'
import { machineLacks } from '../setup/machineCapabilities.ts'

// Issue 15 part 6: with Meilisearch, a Traditional widget's inline results show Traditional titles. The index stores
// each title in Traditional characters too (made on the server at index time); the widget asks for it with the
// browser's search-only key, against a real Meilisearch (tests/helpers/meilisearch.ts).
const SIMPLIFIED = '隔代教养：奶奶带娃后的亲子沟通'

describe.skipIf(machineLacks('meilisearch'))('the search-box widget against a real Meilisearch', () => {
  let server: TestMeilisearch
  let target: Parameters<typeof searchMeilisearch>[0]
  const INDEX = uniqueIndexUid('widget-hant')

  beforeAll(async () => {
    server = await testMeilisearch()
    const engine = new MeiliSearchEngine({ host: server.host, apiKey: server.apiKey, indexUid: INDEX })
    await engine.prepareIndex()
    await engine.upsert([publicRecord({ slug: 'p3-grandparents', title: SIMPLIFIED, summary: '祖辈和父母怎样分工' })])
    const { key } = await ensureSearchKey(engine.client, INDEX)
    target = { host: new URL(server.host), key, index: INDEX }
  }, 120_000)
  afterAll(async () => {
    if (server && !server.owned) {
      const admin = new Meilisearch({ host: server.host, apiKey: server.apiKey })
      await admin.deleteIndex(INDEX).waitTask({ timeout: 30_000 })
    }
    await server?.stop()
  })

  it('shows the Traditional title in a Traditional widget and the Simplified one otherwise', async () => {
    const traditional = await searchMeilisearch(target, '隔代教养', 5, 'hant')
    expect(traditional.map(([type, slug, title]) => [type, slug, title])).toEqual([['lesson', 'p3-grandparents', '隔代教養：奶奶帶娃後的親子溝通']])
    const simplified = await searchMeilisearch(target, '隔代教养', 5, 'hans')
    expect(simplified.map(([, , title]) => title)).toEqual([SIMPLIFIED])
  })

  it('never searches the Traditional title: it is for display only', async () => {
    const settings = await new Meilisearch({ host: server.host, apiKey: server.apiKey }).index(INDEX).getSettings()
    expect(settings.displayedAttributes).toContain('titleHant')
    expect(settings.searchableAttributes).not.toContain('titleHant')
  })
})
