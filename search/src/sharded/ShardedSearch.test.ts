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
import { partNames, parsePartScript, partScript, SHARDED_INDEX_FOLDER, ShardRouter, shardOf, type ShardedManifest } from './shardedFormat.ts'
import type { ShardedBuildOptions } from './buildShardedIndex.ts'
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

function writtenIndex(options: ShardedBuildOptions = { postingsPerShard: 8, bucketSize: 1 }, bank = records): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'gongyu-sharded-'))
  // By default small shards and one document a bucket, so the records spread over many parts and a broken one leaves the others standing.
  writeShardedIndexes(bank, [{ directory }], options)
  return path.join(directory, SHARDED_INDEX_FOLDER)
}

const QUERIES = ['亲子沟通', '玩手机', '三年级玩手机', '考试交虑', 'goutong', 'qzgt', '親子溝通', '叛逆', '孩子', '']

describe('the sharded browser index', () => {
  it.each([
    { postingsPerShard: 8, bucketSize: 1 },
    { postingsPerShard: 40, bucketSize: 2 },
    {},
  ])('answers as the whole index does: same hits, order, totals and facets (%o)', async (options) => {
    const folder = writtenIndex(options)
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
    writeShardedIndexes(awkward, [{ directory }], { postingsPerShard: 8, bucketSize: 1 })
    const sharded = await ShardedSearch.open(filePartLoader(path.join(directory, SHARDED_INDEX_FOLDER)))
    const whole = buildEmbeddedSearch(awkward, { withBody: false })
    for (const q of ['constructor', '__proto__', 'tostring', 'hasownproperty', '阅读']) {
      const { notices, ...answer } = await sharded.search(parseSearchQuery({ q }))
      expect(notices, q).toEqual([])
      expect(answer.hits, q).toEqual((await whole.search(parseSearchQuery({ q }))).hits)
    }
    expect((await sharded.search(parseSearchQuery({ q: 'constructor' }))).hits[0]?.id).toBe('lesson:p2-js')
  })

  it('loads only the parts a query needs: the manifest, its terms’ shards and its results’ buckets', async () => {
    const folder = writtenIndex()
    const { parts } = readManifest(folder)
    const read: string[] = []
    const sharded = await ShardedSearch.open(filePartLoader(folder, (name) => read.push(name)))
    await sharded.search(parseSearchQuery({ q: '玩手机', pageSize: 1 }))
    const all = readdirSync(path.join(folder, parts, 'terms')).filter((name) => name.endsWith('.js')).length
    const shards = read.filter((name) => name.startsWith(`${parts}/terms/`))
    expect(read[0]).toBe(partNames.manifest)
    expect(shards.length).toBeGreaterThan(0)
    expect(shards.length).toBeLessThan(all)
    expect(read.filter((name) => name.startsWith(`${parts}/docs/`))).toHaveLength(1)
    read.length = 0
    await sharded.search(parseSearchQuery({ q: '玩手机', pageSize: 1 }))
    expect(read).toEqual([])
  })

  it('keeps answering with a corrupt or missing part, and says which in Chinese', async () => {
    const folder = writtenIndex()
    const manifest = readManifest(folder)
    const sharded = await ShardedSearch.open(filePartLoader(folder))
    const shardOfPhone = partNames.shard(manifest.parts, ShardRouter.of(manifest).shardOf('手机'))
    writeFileSync(path.join(folder, shardOfPhone), '__gongyuSearchPart("x",{"cut sh')
    const broken = await sharded.search(parseSearchQuery({ q: '手机 阅读' }))
    expect(broken.notices).toEqual([expect.stringContaining('已损坏')])
    expect(broken.notices[0]).toContain(shardOfPhone)
    // 阅读 lives in another shard and is still found.
    expect(broken.hits.map((hit) => hit.id)).toContain('lesson:p5-reading')

    rmSync(path.join(folder, partNames.bucket(manifest.parts, 0)))
    const missing = await (await ShardedSearch.open(filePartLoader(folder))).search(parseSearchQuery({ q: '' }))
    expect(missing.notices.some((notice) => notice.includes('没能加载') && notice.includes(partNames.bucket(manifest.parts, 0)))).toBe(true)
    expect(missing.total).toBe(records.length)
    expect(missing.hits).toHaveLength(records.length - 1)
  })

  it('refuses a shard from another build, and a missing manifest, with a Chinese message', async () => {
    const folder = writtenIndex()
    const manifest = readManifest(folder)
    const sharded = await ShardedSearch.open(filePartLoader(folder))
    const name = partNames.shard(manifest.parts, ShardRouter.of(manifest).shardOf('阅读'))
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

  it('names the parts folder after the parts’ bytes: the same records give the same name, a changed part a new one', () => {
    const first = readManifest(writtenIndex()).parts
    expect(first).toMatch(/^[0-9a-f]{16}$/)
    expect(readManifest(writtenIndex()).parts).toBe(first)
    const edited = records.map((entry) => (entry.slug === 'p5-reading' ? { ...entry, summary: '每天三十分钟亲子阅读' } : entry))
    const folder = writtenIndex(undefined, edited)
    const renamed = readManifest(folder).parts
    expect(renamed).not.toBe(first)
    // Only the new folder is there: a page holding the old manifest gets a missing part, never other bytes under an old name.
    expect(readdirSync(folder).sort()).toEqual([partNames.manifest, `${partNames.manifest}.gz`, renamed].sort())
    // A Traditional copy shows other bytes, so it gets a folder of its own.
    const directory = mkdtempSync(path.join(tmpdir(), 'gongyu-sharded-'))
    const [simplified, traditional] = writeShardedIndexes(records, [
      { directory },
      { directory: path.join(directory, 'zh-hant'), displayText: (text) => text.replace(/亲子/g, '親子') },
    ])
    expect(traditional?.parts).not.toBe(simplified?.parts)
  })

  it('refuses a manifest that names a parts folder other than a content-named one beside it', async () => {
    const folder = writtenIndex()
    const manifest = readManifest(folder)
    for (const parts of ['../elsewhere', 'https://evil.example/x', '']) {
      writeFileSync(path.join(folder, partNames.manifest), partScript(partNames.manifest, { ...manifest, parts }))
      const opening = ShardedSearch.open(filePartLoader(folder))
      await expect(opening, parts).rejects.toBeInstanceOf(SearchPartError)
      await expect(opening, parts).rejects.toThrow(/已损坏/)
    }
  })

  it('keeps the chunks of a synonym group, and a longer word with its first two characters, in one shard', () => {
    const router = new ShardRouter(4096, [
      ['手机', '电子产品', '屏幕', '平板'],
      ['孩子', '娃'],
    ])
    const phone = router.shardOf('手机')
    for (const chunk of ['电子', '子产', '产品', '屏幕', '平板', '电子产品']) expect(router.shardOf(chunk), chunk).toBe(phone)
    expect(router.shardOf('娃')).toBe(router.shardOf('孩子'))
    expect(router.shardOf('怎么办')).toBe(router.shardOf('怎么'))
    // Typed pinyin keeps going by its first two letters, for prefix search.
    expect(router.shardOf('shouji')).toBe(shardOf('sh', 4096))
  })

  it('puts a page of results that share a theme in few buckets', async () => {
    const folder = writtenIndex({ bucketSize: 4 })
    const { parts } = readManifest(folder)
    const read: string[] = []
    const sharded = await ShardedSearch.open(filePartLoader(folder, (name) => read.push(name)))
    const answer = await sharded.search(parseSearchQuery({ q: '沟通' }))
    const themes = new Set(answer.hits.map((hit) => hit.themes[0]))
    expect(answer.hits.length).toBeGreaterThan(1)
    expect(themes.size).toBe(1)
    expect(read.filter((name) => name.startsWith(`${parts}/docs/`))).toHaveLength(1)
  })

  it('puts every spelling that starts with the same two letters in one shard, for prefix search', () => {
    const shard = shardOf('goutong', 97)
    for (const spelling of ['go', 'gou', 'goutong', 'gouzao']) expect(shardOf(spelling, 97)).toBe(shard)
  })
})

function readManifest(folder: string): ShardedManifest {
  return parsePartScript(partNames.manifest, readFileSync(path.join(folder, partNames.manifest), 'utf8')) as ShardedManifest
}
