import { describe, expect, it } from 'vitest'
import { escapeHtml } from '@gongyu/contract'
import { highlight, snippet } from './highlight.ts'
import { MAX_QUERY_LENGTH, parseSearchQuery, SearchQueryError } from './searchQuery.ts'

function refusal(input: Parameters<typeof parseSearchQuery>[0]): SearchQueryError {
  try {
    parseSearchQuery(input)
  } catch (error) {
    if (error instanceof SearchQueryError) return error
    throw error
  }
  throw new Error('query was accepted')
}

describe('parseSearchQuery', () => {
  it('normalizes a plain query with defaults', () => {
    expect(parseSearchQuery({ q: '  孩子玩手机   停不下来 ' })).toEqual({
      text: '孩子玩手机 停不下来',
      filters: {},
      sort: 'relevance',
      page: 1,
      pageSize: 10,
    })
  })

  it('browses by grade order when there is no text', () => {
    expect(parseSearchQuery({}).sort).toBe('grade')
  })

  it('accepts known filter values, as lists or comma-separated', () => {
    const query = parseSearchQuery({ q: '作业', grade: 'p3,p4', type: ['lesson'], theme: 'learning-support', familySituation: 'left-behind' })
    expect(query.filters).toEqual({ grade: ['p3', 'p4'], type: ['lesson'], theme: ['learning-support'], familySituation: ['left-behind'] })
  })

  it('refuses a query longer than the limit, in Chinese', () => {
    const error = refusal({ q: '家'.repeat(2000) })
    expect(error.field).toBe('q')
    expect(error.message).toContain(`最多 ${MAX_QUERY_LENGTH} 个字`)
  })

  it.each([
    ['grade', 'g13', '未知的年级：g13'],
    ['type', 'video', '未知的类型：video'],
    ['stage', 'college', '未知的学段：college'],
  ] as const)('refuses an unknown %s', (field, value, message) => {
    const error = refusal({ [field]: value })
    expect(error.field).toBe(field)
    expect(error.message).toContain(message)
  })

  it.each([`p3" OR grade = "s3`, 'p3) OR (1=1', "p3' OR 'a'='a", 'p3 OR s3'])('refuses filter syntax smuggled into a value: %s', (value) => {
    expect(refusal({ grade: value }).field).toBe('grade')
    expect(refusal({ theme: value }).field).toBe('theme')
  })

  it.each([
    ['page', '0'],
    ['page', '101'],
    ['page', '1.5'],
    ['page', 'abc'],
    ['pageSize', '500'],
  ] as const)('refuses %s=%s', (field, value) => {
    expect(refusal({ [field]: value }).field).toBe(field)
  })

  it('refuses an unknown sort order', () => {
    expect(refusal({ sort: 'random' }).message).toContain('未知的排序方式')
  })
})

describe('highlight', () => {
  it('marks every occurrence of the terms', () => {
    expect(highlight('亲子沟通，沟通先倾听', ['沟通'])).toBe('亲子<mark>沟通</mark>，<mark>沟通</mark>先倾听')
  })

  it('never lets HTML from the content or the query through', () => {
    const html = highlight('<img src=x onerror=alert(1)> 玩手机', ['<img src=x onerror=alert(1)>', '手机'])
    expect(html).not.toMatch(/<(?!\/?mark>)/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('<mark>手机</mark>')
  })

  it('merges overlapping terms into one mark', () => {
    expect(highlight('考试焦虑', ['考试', '试焦'])).toBe('<mark>考试焦</mark>虑')
  })

  it('escapes quotes for attribute use', () => {
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;')
  })

  it('cuts a snippet around the first match', () => {
    const text = `${'前'.repeat(100)}关键词${'后'.repeat(100)}`
    const result = snippet(text, ['关键词'], 40)
    expect(result.startsWith('…')).toBe(true)
    expect(result).toContain('<mark>关键词</mark>')
    expect(result.endsWith('…')).toBe(true)
  })
})

describe('highlight in Traditional text', () => {
  it('marks Simplified terms where the Traditional text has them', async () => {
    const { highlight } = await import('./highlight.ts')
    expect(highlight('親子溝通的祕訣', ['亲子', '沟通'])).toBe('<mark>親子溝通</mark>的祕訣')
  })
})
