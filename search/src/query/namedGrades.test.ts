import { describe, expect, it } from 'vitest'
import type { GradeCode, PublicRecord } from '@gongyu/contract'
import { buildEmbeddedSearch } from '../embedded/buildEmbeddedSearch.ts'
import { namedGrades } from './namedGrades.ts'
import { parseSearchQuery } from './searchQuery.ts'

describe('namedGrades', () => {
  it.each([
    ['三年级玩手机', ['p3']],
    ['初二叛逆', ['j2']],
    ['八年级 沉迷游戏', ['j2']],
    ['3年级作业拖拉', ['p3']],
    ['３年级', ['p3']],
    ['孩子上高2了', ['s2']],
    ['大班 幼小衔接', ['k3']],
    ['幼儿园大班', ['k3']],
    ['高中一年级选科', ['s1']],
    ['三年級玩手機', ['p3']],
    ['一年级和三年级', ['p1', 'p3']],
  ] as [string, GradeCode[]][])('reads %s as %j', (query, grades) => {
    expect(namedGrades(query)).toEqual(grades)
  })

  it.each(['初中班主任怎么沟通', '成绩提高二十分', '比别人高一点', '13年级', '孩子玩手机', '小三'])('finds no grade in %s', (query) => {
    expect(namedGrades(query)).toEqual([])
  })
})

function lesson(slug: string, grade: GradeCode, gradeOrder: number, title: string, summary: string): PublicRecord {
  return {
    id: `lesson:${slug}`,
    type: 'lesson',
    slug,
    url: `/lessons/${slug}/`,
    title,
    summary,
    bodyText: '',
    stages: ['primary'],
    grades: [grade],
    gradeOrder,
    themes: ['digital-literacy'],
    themeNames: ['网络素养'],
    audience: ['parents'],
    category: 'basic',
    durationMinutes: 30,
    familySituations: [],
    publishedAt: '2026-09-01T00:00:00.000Z',
    sequence: 1,
    month: null,
    occasion: null,
    sections: [],
    related: [],
    presenter: null,
    video: null,
  }
}

describe('a grade named in the query (embedded engine)', () => {
  // Titles from the starter bank: the 一年级 lesson says 手机 and 年级 in its title, so by text alone it ranks first.
  const engine = buildEmbeddedSearch([
    lesson('p1-screens', 'p1', 4, '平板、手机和动画片：一年级家庭的屏幕时间计划', '一年级孩子玩平板、看动画片停不下来，全家一起定屏幕时间。'),
    lesson('p3-games', 'p3', 6, '孩子迷上手机游戏：堵不如疏的家庭约定', '三年级孩子开始接触游戏，和孩子商量约定。'),
    lesson('p3-reading', 'p3', 6, '读完一整本书：帮三年级孩子迈向长篇阅读', '从短篇到长篇，陪孩子读下去。'),
    lesson('p6-phone', 'p6', 9, '一纸手机约定：和六年级孩子商量着用手机', '六年级孩子有了自己的手机。'),
  ])
  const ids = async (input: Parameters<typeof parseSearchQuery>[0]) => (await engine.search(parseSearchQuery(input))).hits.map((hit) => hit.slug)

  it('ranks that grade’s items first and keeps the others (a boost, not a filter)', async () => {
    const found = await ids({ q: '三年级玩手机' })
    expect(found[0]).toBe('p3-games')
    expect(found.indexOf('p3-games')).toBeLessThan(found.indexOf('p1-screens'))
    expect(found).toContain('p1-screens')
  })

  it('ranks by text alone when no grade is named', async () => {
    const found = await ids({ q: '玩手机' })
    expect(found).toEqual(expect.arrayContaining(['p1-screens', 'p3-games']))
    expect(found).not.toContain('p3-reading')
  })

  it('leaves an explicit sort alone', async () => {
    const found = await ids({ q: '三年级玩手机', sort: 'grade' })
    expect(found[0]).toBe('p1-screens')
  })
})
