import type { Meilisearch } from 'meilisearch'
import { describe, expect, it } from 'vitest'
import { parseSearchQuery } from '../query/searchQuery.ts'
import { searchMeili } from './searchMeili.ts'

type Request = Record<string, unknown> & { filter?: (string | string[])[]; page?: number; hitsPerPage?: number }

function document(slug: string, grade: string) {
  return { id: `lesson:${slug}`, type: 'lesson', slug, url: `/lessons/${slug}/`, title: slug, summary: '', grades: [grade], stages: ['primary'], themes: [] }
}

/** Answers like Meilisearch would from a fixed ranking: each request gets the ranked documents its grade filters allow, paged. */
function stubClient(ranked: ReturnType<typeof document>[]) {
  const requests: { kind: 'multi' | 'single'; body: Request }[] = []
  const answer = (body: Request) => {
    const clauses = (body.filter ?? []).map((group) => [group].flat())
    const allowed = ranked.filter((entry) =>
      clauses.every((group) =>
        group.some((clause) => {
          const match = /^grades (!?=) "(.+)"$/.exec(clause)
          if (!match) return true
          return match[1] === '=' ? entry.grades.includes(match[2] as string) : !entry.grades.includes(match[2] as string)
        }),
      ),
    )
    const perPage = body.hitsPerPage ?? 20
    const page = body.page ?? 1
    const gradeCounts: Record<string, number> = {}
    for (const entry of allowed) for (const grade of entry.grades) gradeCounts[grade] = (gradeCounts[grade] ?? 0) + 1
    const hits = allowed.slice((page - 1) * perPage, page * perPage).map((entry) => ({ ...entry, _rankingScore: 1 - ranked.indexOf(entry) / 100 }))
    return { hits, totalHits: allowed.length, facetDistribution: { grades: gradeCounts } }
  }
  const client = {
    index: () => ({
      search: async (q: string, params: Request) => {
        requests.push({ kind: 'single', body: { q, ...params } })
        return answer(params)
      },
    }),
    multiSearch: async ({ queries }: { queries: Request[] }) => {
      for (const body of queries) requests.push({ kind: 'multi', body })
      return { results: queries.map(answer) }
    },
  }
  return { client: client as unknown as Meilisearch, requests }
}

// Text ranking alone would put the 一年级 lesson first, as the real engine did for 三年级玩手机.
const ranked = [document('p1-screens', 'p1'), document('p3-games', 'p3'), document('k2-screens', 'k2'), document('p3-news', 'p3'), document('p6-phone', 'p6')]

describe('Meilisearch: a grade named in the query', () => {
  it('asks for that grade’s items and the others in one multi-search, and puts that grade first', async () => {
    const { client, requests } = stubClient(ranked)
    const response = await searchMeili(client, 'gongyu-public', parseSearchQuery({ q: '三年级玩手机', type: 'lesson', pageSize: 3 }))
    expect(requests.every((request) => request.kind === 'multi')).toBe(true)
    const textSearches = requests.filter((request) => request.body.facets)
    expect(textSearches.map((request) => request.body.filter)).toEqual([
      [['type = "lesson"'], ['grades = "p3"']],
      [['type = "lesson"'], ['grades != "p3"']],
    ])
    expect(requests.every((request) => Array.isArray(request.body.locales) && request.body.locales[0] === 'cmn')).toBe(true)
    // The grade is a preference, not a word to match; the plan's weightiest terms are searched one by one as well.
    expect(requests.map((request) => request.body.q)).toEqual(expect.arrayContaining(['玩手机', '手机']))
    expect(requests.map((request) => request.body.q)).not.toContain('三年级')
    expect(response.hits.map((hit) => hit.slug)).toEqual(['p3-games', 'p3-news', 'p1-screens'])
    expect(response.total).toBe(5)
    expect(response.totalPages).toBe(2)
    expect(response.facets.grade).toEqual({ p3: 2, p1: 1, k2: 1, p6: 1 })
  })

  it('continues into the other grades on later pages without repeating or skipping', async () => {
    const { client } = stubClient(ranked)
    const pages = await Promise.all(
      [1, 2, 3].map((page) => searchMeili(client, 'gongyu-public', parseSearchQuery({ q: '三年级 手机', page: String(page), pageSize: 2 }))),
    )
    expect(pages.map((response) => response.hits.map((hit) => hit.slug))).toEqual([['p3-games', 'p3-news'], ['p1-screens', 'k2-screens'], ['p6-phone']])
  })

  it('puts a type the query asks for first too, after the named grade, and keeps typo corrections and Simplified text', async () => {
    const { client, requests } = stubClient(ranked)
    await searchMeili(client, 'gongyu-public', parseSearchQuery({ q: '三年級 手機 案例' }))
    // The text's own searches are the ones that count facets; the per-term ones only score.
    expect(requests.filter((request) => request.body.facets).map((request) => request.body.filter)).toEqual([
      [['grades = "p3"'], ['type = "case-study"']],
      [['grades = "p3"'], ['type != "case-study"']],
      [['grades != "p3"'], ['type = "case-study"']],
      [['grades != "p3"'], ['type != "case-study"']],
    ])
  })

  it('sends one plain search when browsing, or when sorted by grade', async () => {
    for (const input of [{}, { q: '三年级玩手机', sort: 'grade' }]) {
      const { client, requests } = stubClient(ranked)
      const response = await searchMeili(client, 'gongyu-public', parseSearchQuery(input))
      expect(requests.map((request) => request.kind)).toEqual(['single'])
      expect(response.hits).toHaveLength(5)
    }
  })
})
