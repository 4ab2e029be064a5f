import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PublicRecord } from '@gongyu/contract'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { publicRecord } from '../../../tests/fixtures/publicRecords.ts'
import { buildEmbeddedSearch } from '../embedded/buildEmbeddedSearch.ts'
import { parseSearchQuery } from '../query/searchQuery.ts'
import { SHARDED_INDEX_FOLDER } from './shardedFormat.ts'
import { writeShardedIndexes } from './writeShardedIndex.ts'

// As bundled for the browser, where opencc-js's whole Traditional tables (about 50 KB gzip) load only when a
// query or a shown result has characters beyond the everyday ones (issue 15: the first Simplified query on a
// slow phone waited for them). Each test starts from fresh modules (mocked again after the reset), with nothing loaded.
vi.mock('#traditional-tables', () => import('../text/traditionalTables.browser.ts'))

const record = (slug: string, title: string, summary: string): PublicRecord => publicRecord({ slug, title, summary })

const records = [
  record('talk', '亲子沟通的秘诀', '孩子放学后怎么聊天'),
  record('phone', '孩子总玩手机怎么办', '和孩子一起建立手机使用规则'),
  record('rebel', '孩子叛逆不听话', '青春期逆反的沟通办法'),
]
const toTraditional = (text: string) => text.replace(/亲子/g, '親子').replace(/沟通/g, '溝通').replace(/怎么/g, '怎麼').replace(/手机/g, '手機')
let folder: string

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'gongyu-sharded-tables-'))
  writeShardedIndexes(records, [{ directory: folder }, { directory: path.join(folder, 'zh-hant'), displayText: toTraditional }])
})

async function freshEngine(copy: 'simplified' | 'traditional') {
  vi.resetModules()
  vi.doMock('#traditional-tables', () => import('../text/traditionalTables.browser.ts'))
  const [{ ShardedSearch }, { filePartLoader }, tables] = await Promise.all([
    import('./ShardedSearch.ts'),
    import('./filePartLoader.ts'),
    import('#traditional-tables'),
  ])
  const index = copy === 'simplified' ? path.join(folder, SHARDED_INDEX_FOLDER) : path.join(folder, 'zh-hant', SHARDED_INDEX_FOLDER)
  return { engine: await ShardedSearch.open(filePartLoader(index)), tables }
}

describe('the browser’s sharded search and the Traditional tables', () => {
  it('answers a Simplified query on the Simplified copy without them, as the whole engine does', async () => {
    const { engine, tables } = await freshEngine('simplified')
    const whole = buildEmbeddedSearch(records, { withBody: false })
    for (const q of ['孩子玩手机怎么办', '亲子沟通', '建立规则', 'goutong']) {
      const { notices, ...answer } = await engine.search(parseSearchQuery({ q }))
      expect(notices).toEqual([])
      expect(answer.hits, q).toEqual((await whole.search(parseSearchQuery({ q }))).hits)
    }
    expect(tables.traditionalTables()).toBeUndefined()
  })

  it('loads them for a Traditional query, which then finds what the Simplified one finds', async () => {
    const { engine, tables } = await freshEngine('simplified')
    const simplified = await engine.search(parseSearchQuery({ q: '亲子沟通怎么办' }))
    expect(tables.traditionalTables()).toBeUndefined()
    const traditional = await engine.search(parseSearchQuery({ q: '親子溝通怎麼辦' }))
    expect(tables.traditionalTables()).toBeDefined()
    expect(traditional.hits).toEqual(simplified.hits)
    expect(traditional.hits[0]?.titleHtml).toContain('<mark>')
  })

  it('loads them to highlight the Traditional copy’s results, even for a Simplified query', async () => {
    const { engine, tables } = await freshEngine('traditional')
    expect(tables.traditionalTables()).toBeUndefined()
    const { hits } = await engine.search(parseSearchQuery({ q: '亲子沟通' }))
    expect(tables.traditionalTables()).toBeDefined()
    expect(hits[0]?.titleHtml).toBe('<mark>親子溝通</mark>的秘诀')
  })
})
