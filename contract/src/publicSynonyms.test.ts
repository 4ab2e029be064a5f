import { describe, expect, it } from 'vitest'
import { publishedContentSchema } from './publicRecord.ts'
import { publicSynonymGroupOf, publicSynonymGroupSchema, publicSynonymGroupsSchema, synonymLimits } from './publicSynonyms.ts'

describe('publicSynonymGroupOf', () => {
  it('keeps a query and the words accepted for it', () => {
    expect(publicSynonymGroupOf('厌学', ['上学', '不想上学'])).toEqual({ query: '厌学', synonyms: ['上学', '不想上学'] })
    expect(publicSynonymGroupOf('孩子 厌学？', ['上学'])).toEqual({ query: '孩子 厌学', synonyms: ['上学'] })
  })

  it('leaves out markup, invisible characters, object-property names, repeats, long words and the query itself', () => {
    const group = publicSynonymGroupOf('厌学', ['<b>上学</b>', '上\u200b学', '__proto__', 'constructor', '上学', '上学', '学'.repeat(21), '厌学'])
    expect(group).toEqual({ query: '厌学', synonyms: ['constructor', '上学'] })
    expect(publicSynonymGroupOf('厌学', ['<script>'])).toBeUndefined()
    expect(publicSynonymGroupOf('？！', ['上学'])).toBeUndefined()
    expect(publicSynonymGroupOf('厌'.repeat(synonymLimits.queryLength + 1), ['上学'])).toBeUndefined()
    expect(
      publicSynonymGroupOf(
        '厌学',
        Array.from({ length: 20 }, (_, at) => `词${at}`),
      )?.synonyms,
    ).toHaveLength(synonymLimits.wordsPerGroup)
  })
})

describe('the export’s synonyms', () => {
  it('refuses groups a CMS would never write', () => {
    expect(publicSynonymGroupSchema.safeParse({ query: '厌学', synonyms: ['上学'] }).success).toBe(true)
    for (const bad of [
      { query: '厌学', synonyms: [] },
      { query: '厌学', synonyms: ['<img src=x onerror=alert(1)>'] },
      { query: '<b>厌学</b>', synonyms: ['上学'] },
      { query: '厌学', synonyms: ['__proto__'] },
      { query: '厌学\u0000', synonyms: ['上学'] },
      { query: '厌学', synonyms: ['上'.repeat(synonymLimits.wordLength + 1)] },
      { query: '厌学', synonyms: { 0: '上学' } },
    ]) {
      expect(publicSynonymGroupSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
    const many = Array.from({ length: synonymLimits.groups + 1 }, () => ({ query: '厌学', synonyms: ['上学'] }))
    expect(publicSynonymGroupsSchema.safeParse(many).success).toBe(false)
  })

  it('is optional in the published content, so older exports still build', () => {
    const empty = { generatedAt: '2026-12-03T00:00:00.000Z', records: [], themes: [], organizations: [], courseLists: [] }
    expect(publishedContentSchema.parse(empty).synonyms).toBeUndefined()
    expect(publishedContentSchema.safeParse({ ...empty, synonyms: [{ query: '厌学', synonyms: ['<i>'] }] }).success).toBe(false)
  })
})
