import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PublicRecord } from '@gongyu/contract'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { teacherSideRecord } from '../../../tests/fixtures/publicRecords.ts'
import { catalogOf, plansOf } from './catalogData.ts'
import { writePlanFiles } from './planFiles.ts'

function record(fields: Partial<PublicRecord> & Pick<PublicRecord, 'id' | 'type' | 'slug' | 'url' | 'title'>): PublicRecord {
  return teacherSideRecord(fields)
}

const steps = { key: 'steps', heading: '活动流程', html: '<p>暖场：请家长写便利贴。</p>' }
const handout = { key: 'handout', heading: '家长学习单', html: '<p>两周观察记录表</p>' }
const lesson = record({ id: 'lesson:p2-01', type: 'lesson', slug: 'p2-01', url: '/lessons/p2-01/', title: '作业拖拉', sequence: 1 })
const withHandout = record({
  id: 'lesson-plan:a',
  type: 'lesson-plan',
  slug: 'a',
  url: '/plans/a/',
  title: '家长课堂：作业拖拉',
  sections: [steps, handout],
  related: [lesson.id],
})
const withoutHandout = record({ id: 'lesson-plan:b', type: 'lesson-plan', slug: 'b', url: '/plans/b/', title: '家长课堂：睡前', sections: [steps] })
const catalog = catalogOf({ records: [withoutHandout, lesson, withHandout], themes: [], organizations: [], courseLists: [] })

function documentText(file: string): string {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml'] ?? new Uint8Array())
  return xml.replace(/<[^>]+>/g, '')
}

let outDir: string | undefined
afterEach(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

describe('plansOf', () => {
  it('lists every lesson plan with its lessons, or only those with a handout', () => {
    expect(plansOf(catalog).map(({ record, lessons }) => [record.slug, lessons.map((item) => item.slug)])).toEqual(
      expect.arrayContaining([
        ['a', ['p2-01']],
        ['b', []],
      ]),
    )
    expect(plansOf(catalog).length).toBe(2)
    expect(plansOf(catalog, { handoutOnly: true }).map(({ record }) => record.slug)).toEqual(['a'])
  })
})

describe('writePlanFiles', () => {
  it('writes plan.docx for every plan and handout.docx for those with a handout, where the plan routes serve them', async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'gongyu-plan-files-'))
    const files = await writePlanFiles(outDir, plansOf(catalog), 'https://gongyu.example.cn')
    expect(files).toBe(3)
    expect(existsSync(path.join(outDir, 'plans', 'a', 'plan.docx'))).toBe(true)
    expect(existsSync(path.join(outDir, 'plans', 'a', 'handout.docx'))).toBe(true)
    expect(existsSync(path.join(outDir, 'plans', 'b', 'plan.docx'))).toBe(true)
    expect(existsSync(path.join(outDir, 'plans', 'b', 'handout.docx'))).toBe(false)
    // The handout's QR code opens the plan's lesson, at the site's public address.
    const text = documentText(path.join(outDir, 'plans', 'a', 'handout.docx'))
    expect(text).toContain('https://gongyu.example.cn/lessons/p2-01/')
    expect(text).toContain('两周观察记录表')
    expect(documentText(path.join(outDir, 'plans', 'b', 'plan.docx'))).toContain('家长课堂：睡前')
  })
})
