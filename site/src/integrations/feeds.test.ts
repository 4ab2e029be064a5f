import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PublicRecord } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { traditionalConverter } from './traditional.ts'
import { buildFeeds, writeFeeds, type FeedSource } from './feeds.ts'
import type { CardFeed, ListFeed, SearchFeed } from '../widgets/shared/feedTypes.ts'

function record(slug: string, overrides: Partial<PublicRecord> = {}): PublicRecord {
  const type = overrides.type ?? 'lesson'
  return {
    id: `${type}:${slug}`,
    type,
    slug,
    url: `/lessons/${slug}/`,
    title: `课程 ${slug}`,
    summary: '简介',
    bodyText: '正文不进数据文件',
    stages: ['primary'],
    grades: ['p3'],
    gradeOrder: 6,
    themes: ['screen-time'],
    themeNames: ['屏幕时间'],
    audience: ['parents'],
    category: 'basic',
    durationMinutes: 45,
    familySituations: [],
    publishedAt: '2026-09-01T00:00:00.000Z',
    sequence: 1,
    month: null,
    occasion: null,
    sections: [{ key: 'body', heading: '课程内容', html: '<p>正文</p>' }],
    related: [],
    presenter: null,
    video: null,
    ...overrides,
  }
}

const source: FeedSource = {
  records: [
    record('p3-02-late', { sequence: 2, title: '\u202E反转\u202C 的标题' }),
    record('p3-01-first', { sequence: 1, title: '后来的头发' }),
    record('../escape', { sequence: 3 }),
    record('micro-p3', { type: 'micro-lesson', sequence: null }),
  ],
  themes: [
    { slug: 'screen-time', name: '屏幕时间', description: '手机和电视' },
    { slug: 'Bad Slug', name: 'x', description: '' },
  ],
  organizations: [{ slug: 'org-a', name: '甲镇家长学校', type: 'parent-school', region: '某县', description: '', allowedOrigins: [] }],
  courseLists: [
    {
      slug: 'list-a',
      title: '秋季课程',
      description: '一年四次',
      organization: 'org-a',
      items: [
        { recordId: 'micro-lesson:micro-p3', date: '2026-09-12', note: '第一次' },
        { recordId: 'lesson:gone', date: null, note: '没有发布' },
        { recordId: 'lesson:p3-01-first', date: null, note: '\u2066备注' },
      ],
      publishedAt: '2026-09-01T00:00:00.000Z',
    },
  ],
}

describe('widget feeds', () => {
  const feeds = buildFeeds(source)

  it('keep a course list’s order, drop unpublished items and carry finished labels', () => {
    const list = feeds.get('feeds/course-lists/list-a.json') as ListFeed
    expect(list.by).toBe('甲镇家长学校')
    expect(list.items.map((item) => item.slug)).toEqual(['micro-p3', 'p3-01-first'])
    expect(list.items[0]).toMatchObject({ type: 'micro-lesson', date: '2026年9月12日', note: '第一次', meta: '短视频课 · 三年级 · 45 分钟' })
    expect(list.items[1]?.note).toBe('备注')
  })

  it('list a grade in teaching order, without bidi controls, bodies or URLs', () => {
    const grade = feeds.get('feeds/grades/p3.json') as ListFeed
    expect(grade.title).toBe('三年级家长课程')
    expect(grade.items.map((item) => item.slug)).toEqual(['p3-01-first', 'p3-02-late'])
    expect(grade.items[1]?.title).toBe('反转 的标题')
    const text = JSON.stringify([...feeds.values()])
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
    expect(text).not.toContain('正文')
    expect(text).not.toContain('"url"')
  })

  it('never name a file after a slug the CMS would refuse', () => {
    expect([...feeds.keys()].some((key) => key.includes('..') || key.includes('Bad Slug'))).toBe(false)
    expect((feeds.get('feeds/search.json') as SearchFeed).items.map((entry) => entry[1])).toEqual(['p3-01-first', 'p3-02-late', 'micro-p3'])
    expect((feeds.get('feeds/micro-lessons/micro-p3.json') as CardFeed).item.title).toBe('课程 micro-p3')
    expect(feeds.has('feeds/grades/p4.json')).toBe(false)
  })

  it('are written twice, the second time in Traditional under zh-hant/', () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'gongyu-feeds-'))
    try {
      const written = writeFeeds(outDir, source, traditionalConverter())
      expect(written.feeds).toBe(feeds.size)
      const traditional = JSON.parse(readFileSync(path.join(outDir, 'zh-hant', 'feeds', 'lessons', 'p3-01-first.json'), 'utf8')) as CardFeed
      expect(traditional.item).toMatchObject({ slug: 'p3-01-first', title: '後來的頭髮', meta: '家長課 · 三年級 · 45 分鐘' })
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  })
})
