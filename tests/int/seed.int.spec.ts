import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readStarterContent, type StarterContent } from '@gongyu/seed/content'
import { loadStarterContent } from '@gongyu/seed/load'
import { bankSubset, FERRETDB_SEED_SLICE } from '../fixtures/bankSubset.ts'
import { testDatabaseTarget } from '../helpers/testDatabase.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'
import { machineLacks } from '../setup/machineCapabilities.ts'

let t: TestPayload
let content: StarterContent
let fullBank = true

beforeAll(async () => {
  t = await startTestPayload()
  content = readStarterContent()
  const target = await testDatabaseTarget()
  if (target.server === 'ferretdb') {
    // FerretDB v1's SQLite storage scans instead of using indexes, so each save slows as the
    // bank grows; the full bank takes tens of minutes there. `npm run bench` times it in full.
    fullBank = false
    content = bankSubset(content, FERRETDB_SEED_SLICE)
    console.log('[mongodb] FerretDB: the seed test loads grade k1 and the special-needs track only (full bank: npm run bench)')
  }
})
afterAll(async () => {
  await t?.close()
})

describe('seed loader', () => {
  it('loads the starter bank and a second run gives the same counts', async () => {
    const videoCacheDir = path.join(t.dataDir, 'video-cache')
    const first = await loadStarterContent(t.payload, { content, videoCacheDir })
    const countAll = async () =>
      Object.fromEntries(
        await Promise.all(
          (['lessons', 'micro-lessons', 'case-studies', 'lesson-plans', 'activity-plans', 'events', 'themes', 'organizations', 'course-lists'] as const).map(
            async (collection) => [collection, (await t.payload.count({ collection, overrideAccess: true })).totalDocs] as const,
          ),
        ),
      )
    const afterFirst = await countAll()
    const second = await loadStarterContent(t.payload, { content, videoCacheDir })
    expect(await countAll()).toEqual(afterFirst)
    expect(second.lessons?.created).toBe(0)
    expect(second.lessons?.updated).toBe(first.lessons?.total)
    const filesOf = (kind: string) => content.files.filter((item) => item.kind === kind).length
    expect(afterFirst).toEqual({
      lessons: filesOf('lesson'),
      'micro-lessons': filesOf('micro-lesson'),
      'case-studies': filesOf('case-study'),
      'lesson-plans': filesOf('lesson-plan'),
      'activity-plans': filesOf('activity-plan'),
      events: filesOf('event'),
      themes: content.themes.length,
      // The test harness adds two organizations of its own.
      organizations: filesOf('organization') + 2,
      'course-lists': filesOf('course-list'),
    })
    expect(afterFirst.lessons).toBe(fullBank ? 320 : 40)
    expect(second.videos?.created).toBe(0)
    // Loading ~500 documents twice takes minutes on FerretDB's SQLite storage.
  }, 900_000)

  // The sample videos are rendered with ffmpeg and a CJK font; without them the seed loads everything else.
  it.skipIf(machineLacks('video'))('gives at least 5 micro-lessons a real sample video', async () => {
    const withVideo = await t.payload.find({ collection: 'micro-lessons', where: { video: { exists: true } }, depth: 1, limit: 100 })
    const marked = content.files.filter((item) => item.kind === 'micro-lesson' && item.data.video === 'generated').length
    expect(withVideo.totalDocs).toBe(marked)
    if (fullBank) expect(withVideo.totalDocs).toBeGreaterThanOrEqual(5)
    for (const doc of withVideo.docs) {
      const video = doc.video as { mimeType?: string; filesize?: number; filename?: string }
      expect(video.mimeType).toBe('video/mp4')
      expect(video.filesize).toBeGreaterThan(10_000)
    }
  })

  it('publishes everything it loads, so anonymous readers see the bank', async () => {
    const { totalDocs } = await t.payload.count({ collection: 'lessons', overrideAccess: false, where: { grade: { equals: 'k1' } } })
    expect(totalDocs).toBe(20)
    const published = await t.payload.count({ collection: 'lessons', overrideAccess: false })
    expect(published.totalDocs).toBe(content.files.filter((item) => item.kind === 'lesson').length)
  })

  it('links lessons to their micro-lessons and lesson plan', async () => {
    const plans = await t.payload.find({ collection: 'lesson-plans', depth: 0, limit: 100 })
    for (const plan of plans.docs) {
      const lesson = await t.payload.findByID({ collection: 'lessons', id: plan.lesson as string | number, depth: 0 })
      expect(lesson.lessonPlan).toBe(plan.id)
    }
  })

  it('stops on an invalid file before writing anything, naming the file and field', async () => {
    const lesson = content.files.find((item) => item.kind === 'lesson')!
    const broken: StarterContent = { ...content, files: [{ ...lesson, file: 'lessons/k1/broken.md', data: { ...lesson.data, grade: 'k9' } }] }
    const before = await t.payload.count({ collection: 'themes', overrideAccess: true })
    await expect(loadStarterContent(t.payload, { content: broken })).rejects.toThrow(/lessons\/k1\/broken\.md › grade: 未知取值 "k9"/)
    expect((await t.payload.count({ collection: 'themes', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  it('stops when the CMS rejects a file, naming the file and the field the CMS named', async () => {
    const caseStudy = content.files.find((item) => item.kind === 'case-study')!
    const leaky = {
      ...caseStudy,
      slug: 'case-leaky-phone',
      file: 'case-studies/case-leaky-phone.md',
      data: { ...caseStudy.data, title: '一个留了电话的案例' },
      body: caseStudy.body.replace('## 问题描述', '奶奶的电话是13812345678。\n\n## 问题描述'),
    }
    await expect(loadStarterContent(t.payload, { content: { themes: content.themes, files: [leaky] } })).rejects.toThrow(
      /case-studies\/case-leaky-phone\.md › background: .*手机号/,
    )
    expect((await t.payload.count({ collection: 'case-studies', where: { slug: { equals: 'case-leaky-phone' } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})
