import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { GradeCode, PublicRecord } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { buildEmbeddedSearch } from '../embedded/buildEmbeddedSearch.ts'
import { parseSearchQuery } from '../query/searchQuery.ts'
import { filePartLoader } from './filePartLoader.ts'
import { SearchPartError } from './SearchPartError.ts'
import { ShardedSearch } from './ShardedSearch.ts'
import { partNames, SHARDED_INDEX_FOLDER, shardOf } from './shardedFormat.ts'
import { writeShardedIndexes } from './writeShardedIndex.ts'

function record(slug: string, title: string, summary: string, grade: GradeCode, theme: string, themeName: string, sequence: number): PublicRecord {
  return {
    id: `lesson:${slug}`,
    type: 'lesson',
    slug,
    url: `/lessons/${slug}/`,
    title,
    summary,
    bodyText: '正文不进浏览器索引',
    stages: [grade.startsWith('p') ? 'primary' : 'junior'],
    grades: [grade],
    gradeOrder: grade.startsWith('p') ? 4 + Number(grade.slice(1)) : 10 + Number(grade.slice(1)),
    themes: [theme],
    themeNames: [themeName],
    audience: ['parents'],
    category: 'basic',
    durationMinutes: 30,
    familySituations: [],
    publishedAt: `2026-09-0${sequence}T00:00:00.000Z`,
    sequence,
    month: null,
    occasion: null,
    sections: [],
    related: [],
    presenter: null,
    video: null,
  }
}

const records = [
  record('p3-talk', '亲子沟通的秘诀', '孩子放学后怎么聊天', 'p3', 'communication', '亲子沟通', 1),
  record('p3-phone', '孩子总玩手机怎么办', '和孩子一起定手机使用规则', 'p3', 'digital-literacy', '数字素养', 2),
  record('p1-phone', '一年级的屏幕时间', '低年级孩子看屏幕的时间怎么定', 'p1', 'digital-literacy', '数字素养', 3),
  record('j3-exam', '考试焦虑怎么缓解', '中考前孩子紧张睡不着', 'j3', 'emotions', '情绪管理', 4),
  record('p5-reading', '陪孩子读书', '每天二十分钟亲子阅读', 'p5', 'reading', '阅读习惯', 5),
  record('j1-rebel', '孩子叛逆不听话', '青春期逆反的沟通办法', 'j1', 'communication', '亲子沟通', 6),
]

function writtenIndex(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'gongyu-sharded-'))
  // Small shards, so the records spread over many parts and a broken one leaves the others standing.
  writeShardedIndexes(records, [{ directory }], { postingsPerShard: 8, fragmentSize: 1 })
  return path.join(directory, SHARDED_INDEX_FOLDER)
}

const QUERIES = ['亲子沟通', '玩手机', '三年级玩手机', '考试交虑', 'goutong', 'qzgt', '親子溝通', '叛逆', '孩子', '']

describe('the sharded browser index', () => {
  it('answers as the whole index does: same hits, order, totals and facets', async () => {
    const folder = writtenIndex()
    const whole = buildEmbeddedSearch(records, { withBody: false })
    const sharded = await ShardedSearch.open(filePartLoader(folder))
    for (const q of QUERIES) {
      for (const extra of [{}, { sort: 'newest' }, { grade: 'p3' }]) {
        const query = parseSearchQuery({ q, ...extra })
        const expected = await whole.search(query)
        const { notices, ...answer } = await sharded.search(query)
        expect(notices).toEqual([])
        expect(answer.hits, `${q} ${JSON.stringify(extra)}`).toEqual(expected.hits)
        expect(answer.total).toBe(expected.total)
        for (const facet of Object.keys(expected.facets) as (keyof typeof expected.facets)[]) expect(answer.facets[facet]).toEqual(expected.facets[facet])
      }
    }
    expect((await sharded.search(parseSearchQuery({ q: '考试交虑' }))).hits[0]?.id).toBe('lesson:j3-exam')
  })

  it('indexes words that are names of object properties like any other word', async () => {
    // An editor's English, or an attacker's: each of these once broke the build as a key of a plain object.
    const awkward = [record('p2-js', 'constructor 与 toString 练习', '__proto__ hasOwnProperty valueOf', 'p2', 'reading', '阅读习惯', 7), ...records]
    const directory = mkdtempSync(path.join(tmpdir(), 'gongyu-sharded-'))
    writeShardedIndexes(awkward, [{ directory }], { postingsPerShard: 8, fragmentSize: 1 })
    const sharded = await ShardedSearch.open(filePartLoader(path.join(directory, SHARDED_INDEX_FOLDER)))
    const whole = buildEmbeddedSearch(awkward, { withBody: false })
    for (const q of ['constructor', '__proto__', 'tostring', 'hasownproperty', '阅读']) {
      const { notices, ...answer } = await sharded.search(parseSearchQuery({ q }))
      expect(notices, q).toEqual([])
      expect(answer.hits, q).toEqual((await whole.search(parseSearchQuery({ q }))).hits)
    }
    expect((await sharded.search(parseSearchQuery({ q: 'constructor' }))).hits[0]?.id).toBe('lesson:p2-js')
  })

  it('loads only the parts a query needs: the manifest, its terms’ shards and its results’ fragments', async () => {
    const folder = writtenIndex()
    const read: string[] = []
    const sharded = await ShardedSearch.open(filePartLoader(folder, (name) => read.push(name)))
    await sharded.search(parseSearchQuery({ q: '玩手机', pageSize: 1 }))
    const all = readdirSync(path.join(folder, 'terms')).filter((name) => name.endsWith('.js')).length
    const shards = read.filter((name) => name.startsWith('terms/'))
    expect(read[0]).toBe(partNames.manifest)
    expect(shards.length).toBeGreaterThan(0)
    expect(shards.length).toBeLessThan(all)
    expect(read.filter((name) => name.startsWith('docs/'))).toHaveLength(1)
    read.length = 0
    await sharded.search(parseSearchQuery({ q: '玩手机', pageSize: 1 }))
    expect(read).toEqual([])
  })

  it('keeps answering with a corrupt or missing part, and says which in Chinese', async () => {
    const folder = writtenIndex()
    const sharded = await ShardedSearch.open(filePartLoader(folder))
    const shardOfPhone = partNames.shard(shardOf('手机', readManifestShardCount(folder)))
    writeFileSync(path.join(folder, shardOfPhone), '__gongyuSearchPart("x",{"cut sh')
    const broken = await sharded.search(parseSearchQuery({ q: '手机 阅读' }))
    expect(broken.notices).toEqual([expect.stringContaining('已损坏')])
    expect(broken.notices[0]).toContain(shardOfPhone)
    // 阅读 lives in another shard and is still found.
    expect(broken.hits.map((hit) => hit.id)).toContain('lesson:p5-reading')

    rmSync(path.join(folder, partNames.fragment(0)))
    const missing = await (await ShardedSearch.open(filePartLoader(folder))).search(parseSearchQuery({ q: '' }))
    expect(missing.notices.some((notice) => notice.includes('没能加载') && notice.includes(partNames.fragment(0)))).toBe(true)
    expect(missing.total).toBe(records.length)
    expect(missing.hits).toHaveLength(records.length - 1)
  })

  it('refuses a shard from another build, and a missing manifest, with a Chinese message', async () => {
    const folder = writtenIndex()
    const sharded = await ShardedSearch.open(filePartLoader(folder))
    const name = partNames.shard(shardOf('阅读', readManifestShardCount(folder)))
    const file = path.join(folder, name)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"build":"[0-9a-f]+"/, '"build":"0000000000000000"'))
    const stale = await sharded.search(parseSearchQuery({ q: '阅读' }))
    expect(stale.notices).toEqual([expect.stringContaining('刚刚更新过')])
    rmSync(path.join(folder, partNames.manifest))
    const opening = ShardedSearch.open(filePartLoader(folder))
    await expect(opening).rejects.toBeInstanceOf(SearchPartError)
    await expect(opening).rejects.toThrow(/没能加载/)
  })

  it('writes a Traditional copy that differs only in the shown text', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'gongyu-sharded-'))
    const toTraditional = (text: string) => text.replace(/亲子/g, '親子').replace(/沟通/g, '溝通')
    writeShardedIndexes(records, [{ directory }, { directory: path.join(directory, 'zh-hant'), displayText: toTraditional }])
    const simplified = await ShardedSearch.open(filePartLoader(path.join(directory, SHARDED_INDEX_FOLDER)))
    const traditional = await ShardedSearch.open(filePartLoader(path.join(directory, 'zh-hant', SHARDED_INDEX_FOLDER)))
    const query = parseSearchQuery({ q: '親子溝通' })
    const [a, b] = [await simplified.search(query), await traditional.search(query)]
    expect(b.hits.map((hit) => hit.id)).toEqual(a.hits.map((hit) => hit.id))
    expect(b.hits[0]?.title).toBe(toTraditional(a.hits[0]?.title ?? ''))
    expect(b.hits[0]?.title).toContain('親子')
  })

  it('puts every spelling that starts with the same two letters in one shard, for prefix search', () => {
    const shard = shardOf('goutong', 97)
    for (const spelling of ['go', 'gou', 'goutong', 'gouzao']) expect(shardOf(spelling, 97)).toBe(shard)
  })
})

function readManifestShardCount(folder: string): number {
  const text = readFileSync(path.join(folder, partNames.manifest), 'utf8')
  return Number(/"shardCount":(\d+)/.exec(text)?.[1])
}
