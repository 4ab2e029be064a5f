import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PublicSynonymGroup } from '@gongyu/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { publicRecord } from '../../../tests/fixtures/publicRecords.ts'
import { buildEmbeddedSearch } from '../embedded/buildEmbeddedSearch.ts'
import { parseSearchQuery } from '../query/searchQuery.ts'
import { learnedSynonymGroupsOf, setLearnedSynonymGroups } from '../text/synonyms.ts'
import { filePartLoader } from './filePartLoader.ts'
import { SearchPartError } from './SearchPartError.ts'
import { ShardedSearch } from './ShardedSearch.ts'
import { SHARDED_INDEX_FOLDER } from './shardedFormat.ts'
import { writeShardedIndexes } from './writeShardedIndex.ts'

// Issue 17's needs report: parents asked 厌学, an expert wrote 孩子不想上学怎么办, an editor accepted 上学 as its synonym.
const records = [
  publicRecord({ slug: 'school-refusal', title: '孩子不想上学怎么办', summary: '从作息和同伴关系找原因', sequence: 1 }),
  publicRecord({ slug: 'talk', title: '亲子沟通的秘诀', summary: '放学后怎么聊天', sequence: 2 }),
  publicRecord({
    slug: 'phone',
    title: '孩子总玩手机怎么办',
    summary: '一起定手机使用规则',
    themes: ['digital-literacy'],
    themeNames: ['数字素养'],
    sequence: 3,
  }),
]
const accepted: PublicSynonymGroup[] = [{ query: '厌学', synonyms: ['上学'] }]

function openedIndex(synonyms?: PublicSynonymGroup[]): Promise<ShardedSearch> {
  const directory = mkdtempSync(path.join(tmpdir(), 'gongyu-synonyms-'))
  writeShardedIndexes(records, [{ directory }], { postingsPerShard: 8, synonyms })
  return ShardedSearch.open(filePartLoader(path.join(directory, SHARDED_INDEX_FOLDER)))
}

const idsFor = async (engine: ShardedSearch, q: string) => (await engine.search(parseSearchQuery({ q }))).hits.map((hit) => hit.id)

afterEach(() => setLearnedSynonymGroups([]))

describe('synonyms editors accepted, in the browser’s sharded index', () => {
  it('make the parent’s own words find the lesson written for them, in Simplified and Traditional', async () => {
    expect(await idsFor(await openedIndex(), '厌学')).toEqual([])
    const learned = await openedIndex(accepted)
    expect(await idsFor(learned, '厌学')).toEqual(['lesson:school-refusal'])
    expect(await idsFor(learned, '厭學')).toEqual(['lesson:school-refusal'])
    expect((await learned.search(parseSearchQuery({ q: '厌学' }))).hits[0]?.titleHtml).toBe('孩子不想<mark>上学</mark>怎么办')
  })

  it('answer as the CMS’s embedded engine does with the same groups', async () => {
    const sharded = await openedIndex(accepted)
    // The CMS gives its engines the groups through the same conversion (learnedSynonyms.ts).
    setLearnedSynonymGroups(learnedSynonymGroupsOf(accepted))
    const whole = buildEmbeddedSearch(records, { withBody: false })
    for (const q of ['厌学', '厭學', '孩子厌学怎么办', '上学', '玩手机']) {
      const { notices, ...answer } = await sharded.search(parseSearchQuery({ q }))
      expect(notices, q).toEqual([])
      expect(answer.hits, q).toEqual((await whole.search(parseSearchQuery({ q }))).hits)
    }
  })

  it('take words that name object properties or hold markup like any other, and show them only escaped', async () => {
    const awkward: PublicSynonymGroup[] = [
      { query: '__proto__', synonyms: ['上学'] },
      { query: 'constructor', synonyms: ['hasownproperty', 'tostring'] },
      { query: '<img src=x onerror=alert(1)>', synonyms: ['上学'] },
    ]
    const engine = await openedIndex(awkward)
    expect(await idsFor(engine, '__proto__')).toEqual(['lesson:school-refusal'])
    expect(await idsFor(engine, 'constructor')).toEqual([])
    const hostile = await engine.search(parseSearchQuery({ q: '<img src=x onerror=alert(1)>' }))
    for (const hit of hostile.hits) expect(hit.titleHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  it('refuses a manifest whose synonyms are not lists of words', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'gongyu-synonyms-'))
    writeShardedIndexes(records, [{ directory }], { synonyms: accepted })
    const load = filePartLoader(path.join(directory, SHARDED_INDEX_FOLDER))
    let first = true
    // The manifest is the first part an index opens with.
    const tampered = async (name: string) => {
      const data = (await load(name)) as Record<string, unknown>
      if (!first) return data
      first = false
      return { ...data, synonyms: [['厌学', { toString: '上学' }]] }
    }
    await expect(ShardedSearch.open(tampered)).rejects.toBeInstanceOf(SearchPartError)
  })
})
