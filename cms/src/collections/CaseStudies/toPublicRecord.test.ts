import { describe, expect, it } from 'vitest'
import type { CaseStudy } from '../../payload-types'
import { fakeRecordLookups } from '../testing/fakeRecordLookups'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { richText } from '../testing/richText'
import { CaseStudies } from './index'
import { caseStudyToPublicRecord } from './toPublicRecord'

const caseStudy = {
  id: 31,
  title: '爷爷奶奶带大的孩子',
  themes: [12],
  stage: 'primary',
  grades: ['p3'],
  background: richText('父母在外打工，孩子由祖辈照顾。'),
  problem: richText('孩子上课常走神，作业拖到深夜。'),
  strategy: richText('班主任和祖辈一起定了作息表。'),
  outcome: richText('一个学期后按时完成作业。'),
  sourceType: 'school',
  region: '四川省某县',
  familySituations: ['left-behind', 'grandparent'],
  slug: 'crying',
  reviewState: 'approved',
  reviewNote: null,
  submittedBy: null,
  submittedAt: null,
  createdBy: null,
  updatedAt: '2026-03-03T08:00:00.000Z',
  createdAt: '2026-02-03T08:00:00.000Z',
  _status: 'published',
} satisfies CaseStudy

const lookups = fakeRecordLookups({ themes: { 12: { slug: 'habits', name: '习惯' } } })

describe('caseStudyToPublicRecord', () => {
  it('maps every field of a published case study to its record, summarized from its problem', () => {
    expect(caseStudyToPublicRecord(caseStudy, lookups)).toEqual({
      id: 'case-study:crying',
      type: 'case-study',
      slug: 'crying',
      url: '/cases/crying/',
      title: '爷爷奶奶带大的孩子',
      summary: '孩子上课常走神，作业拖到深夜。',
      bodyText: ['父母在外打工，孩子由祖辈照顾。', '孩子上课常走神，作业拖到深夜。', '班主任和祖辈一起定了作息表。', '一个学期后按时完成作业。'].join('\n'),
      stages: ['primary'],
      grades: ['p3'],
      gradeOrder: 6,
      themes: ['habits'],
      themeNames: ['习惯'],
      audience: ['parents', 'teachers'],
      category: null,
      durationMinutes: null,
      familySituations: ['left-behind', 'grandparent'],
      publishedAt: '2026-03-03T08:00:00.000Z',
      sequence: null,
      month: null,
      occasion: null,
      sections: [
        { key: 'background', heading: '背景', html: '<p>父母在外打工，孩子由祖辈照顾。</p>' },
        { key: 'problem', heading: '问题描述', html: '<p>孩子上课常走神，作业拖到深夜。</p>' },
        { key: 'strategy', heading: '解决策略', html: '<p>班主任和祖辈一起定了作息表。</p>' },
        { key: 'outcome', heading: '结果评估', html: '<p>一个学期后按时完成作业。</p>' },
      ],
      related: [],
      presenter: null,
      video: null,
    })
  })

  it('maps nothing of a draft', () => {
    expect(caseStudyToPublicRecord({ ...caseStudy, _status: 'draft' }, lookups)).toBeUndefined()
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    expect(fieldMismatchOf(CaseStudies, caseStudy)).toEqual({ missingFromFixture: [], notInCollection: [] })
  })
})
