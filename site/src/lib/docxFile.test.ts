import { describe, expect, it } from 'vitest'
import { planDownloads } from './docxFile.ts'

describe('planDownloads', () => {
  it('links the plan’s Word file and, when it has one, the handout’s, under file names Windows accepts', () => {
    const downloads = planDownloads({ url: '/plans/p2/', title: '家长课堂：拆开/作业"拖拉"' }, true)
    expect(downloads.map((download) => download.href)).toEqual(['/plans/p2/plan.docx', '/plans/p2/handout.docx'])
    expect(downloads.map((download) => download.filename)).toEqual(['教案-家长课堂：拆开 作业 拖拉.docx', '家长学习单-家长课堂：拆开 作业 拖拉.docx'])
    expect(planDownloads({ url: '/plans/p2/', title: '无学习单' }, false)).toHaveLength(1)
  })
})
