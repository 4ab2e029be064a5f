import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSearchQuery } from '../query/searchQuery.ts'
import type { PublicRecord } from '@gongyu/contract'
import { EmbeddedSearch, type StaticIndexData } from './EmbeddedSearch.ts'
import { writeStaticIndex, writeStaticIndexes } from './staticIndex.ts'

const record: PublicRecord = {
  id: 'lesson:p3-talk',
  type: 'lesson',
  slug: 'p3-talk',
  url: '/lessons/p3-talk/',
  title: '亲子沟通的秘诀',
  summary: '孩子放学后怎么聊',
  bodyText: '正文里的独有词语',
  stages: ['primary'],
  grades: ['p3'],
  gradeOrder: 6,
  themes: ['communication'],
  themeNames: ['亲子沟通', '习惯培养'],
  audience: ['parents'],
  category: 'basic',
  durationMinutes: 30,
  familySituations: [],
  publishedAt: '2026-09-01T00:00:00.000Z',
  sequence: 3,
  month: null,
  occasion: null,
  sections: [],
  related: [],
  presenter: null,
  video: null,
}

describe('the static browser index', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'gongyu-index-'))
  const load = (file: string) => EmbeddedSearch.load(JSON.parse(readFileSync(file, 'utf8')) as StaticIndexData)

  it('answers from the file alone, with stored fields intact and no bodies', async () => {
    const engine = load(writeStaticIndex([record], directory).file)
    const { hits } = engine.searchNow(parseSearchQuery({ q: '親子溝通' }))
    expect(hits[0]).toMatchObject({ id: record.id, title: record.title, themeNames: ['亲子沟通', '习惯培养'], sequence: 3 })
    expect(engine.searchNow(parseSearchQuery({ q: '独有词语' })).total).toBe(0)
    await expect(engine.upsert([record])).rejects.toThrow('只读')
  })

  it('shows Traditional text in a Traditional index, and still matches Simplified queries', () => {
    const toTraditional = (text: string) => text.replace('亲子沟通', '親子溝通').replace('秘诀', '祕訣')
    const [, traditional] = writeStaticIndexes(
      [record],
      [{ directory: path.join(directory, 'zh-hans') }, { directory: path.join(directory, 'zh-hant'), displayText: toTraditional }],
    )
    const engine = load(traditional!.file)
    const { hits } = engine.searchNow(parseSearchQuery({ q: '亲子沟通' }))
    expect(hits[0]?.title).toBe('親子溝通的祕訣')
    expect(hits[0]?.titleHtml).toBe('<mark>親子溝通</mark>的祕訣')
  })
})
