import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { PublishedContent } from '@gongyu/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload } from '../helpers/testPayload.ts'

// The publish path: a publish, unpublish or delete queues an `exportPublishedContent` job, and
// the job (not the save) writes published.json. The queue itself debounces: a job that has not
// started is replaced by a newer one, so a burst of publishes costs one export.
let t: TestPayload
let theme: string | number
let exportFile: string

const EXPORT_TASK = 'exportPublishedContent'

/** Export jobs queued and not yet finished. */
async function waitingExports(): Promise<number> {
  const { totalDocs } = await t.payload.count({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: EXPORT_TASK } }, { completedAt: { exists: false } }] },
  })
  return totalDocs
}

/** Runs the export queue as the CMS's job runner does; returns how many export jobs ran (finished jobs are deleted). */
async function runExportQueue(): Promise<number> {
  const { jobStatus } = await t.payload.jobs.run({ queue: 'export' })
  return Object.keys(jobStatus ?? {}).length
}

function readExport(): PublishedContent {
  return JSON.parse(readFileSync(exportFile, 'utf8')) as PublishedContent
}

const titles = () => readExport().records.map((record) => record.title)

beforeAll(async () => {
  process.env.GONGYU_EXPORT_ON_CHANGE = '1'
  t = await startTestPayload()
  exportFile = path.join(t.dataDir, 'published', 'published.json')
  theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
})
afterAll(async () => {
  delete process.env.GONGYU_EXPORT_ON_CHANGE
  await t?.close()
})

describe('the published export as a job', () => {
  it('queues one export for 20 publishes in a row, and the job writes it', async () => {
    for (let index = 0; index < 20; index += 1) {
      await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), title: `连发课程 ${index}`, _status: 'published' } as never })
    }
    // The saves wrote nothing themselves: the job does.
    expect(existsSync(exportFile)).toBe(false)
    expect(await waitingExports()).toBe(1)
    expect(await runExportQueue()).toBe(1)
    expect(await waitingExports()).toBe(0)
    expect(titles().filter((title) => title.startsWith('连发课程'))).toHaveLength(20)
  })

  it('writes media folders relative to the data folder, never this machine’s absolute paths', () => {
    const text = readFileSync(exportFile, 'utf8')
    expect(readExport().mediaSources).toEqual({ hls: 'hls', captions: 'uploads/captions' })
    expect(text).not.toContain(t.dataDir)
  })

  it('exports again after an unpublish and after a delete, and not for a draft that was never published', async () => {
    const lesson = await t.payload.create({
      collection: 'lessons',
      data: { ...validData('lessons', { theme }), title: '将撤下的课程', _status: 'published' } as never,
    })
    await runExportQueue()
    expect(titles()).toContain('将撤下的课程')

    await t.payload.update({ collection: 'lessons', id: lesson.id, data: { _status: 'draft' } as never })
    expect(await waitingExports()).toBe(1)
    await runExportQueue()
    expect(titles()).not.toContain('将撤下的课程')

    await t.payload.update({ collection: 'lessons', id: lesson.id, data: { _status: 'published' } as never })
    await runExportQueue()
    expect(titles()).toContain('将撤下的课程')
    await t.payload.delete({ collection: 'lessons', id: lesson.id })
    expect(await waitingExports()).toBe(1)
    await runExportQueue()
    expect(titles()).not.toContain('将撤下的课程')

    const before = statSync(exportFile).mtimeMs
    await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), title: '从未发布的草稿' } as never, draft: true })
    expect(await waitingExports()).toBe(0)
    expect(statSync(exportFile).mtimeMs).toBe(before)
  })

  it('keeps exports few while publishes keep coming and the runner ticks between them', async () => {
    let exports = 0
    // The runner ticks every 10 s in production (exportQueueAutoRun); here a tick after every 5th publish stands in for it.
    for (let index = 0; index < 20; index += 1) {
      await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), title: `穿插课程 ${index}`, _status: 'published' } as never })
      if (index % 5 === 4) exports += await runExportQueue()
    }
    exports += await runExportQueue()
    console.log(`published export: 20 publishes with a runner tick every 5 publishes → ${exports} exports`)
    expect(exports).toBe(4)
    expect(titles().filter((title) => title.startsWith('穿插课程'))).toHaveLength(20)
  })
})
