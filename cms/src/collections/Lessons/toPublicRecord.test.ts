import { describe, expect, it } from 'vitest'
import type { Lesson } from '../../payload-types'
import { fakeRecordLookups } from '../testing/fakeRecordLookups'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { richText } from '../testing/richText'
import { Lessons } from './index'
import { lessonToPublicRecord } from './toPublicRecord'

const lesson = {
  id: 7,
  title: '分离焦虑：入园第一周',
  grade: 'k1',
  sequence: 3,
  core: true,
  stage: 'kindergarten',
  category: 'general',
  audience: ['parents', 'grandparents'],
  durationMinutes: 40,
  themes: [11, 12],
  summary: '孩子刚入园时哭闹是常见的分离焦虑。',
  objectives: [
    { id: 'o1', text: '理解分离焦虑' },
    { id: 'o2', text: '学会告别仪式' },
  ],
  body: richText('入园前一周，可以带孩子熟悉幼儿园。'),
  practiceActivity: { title: '告别小仪式', instructions: richText('每天用同一句话道别。') },
  reflectionQuestions: [{ id: 'q1', text: '孩子今天哭了多久？' }],
  relatedMicroLessons: [21],
  relatedCaseStudies: [31, 32],
  lessonPlan: 41,
  slug: 'k1-03-separation',
  reviewState: 'approved',
  reviewNote: '内部审核意见',
  submittedBy: null,
  submittedAt: null,
  createdBy: null,
  updatedAt: '2026-03-01T08:00:00.000Z',
  createdAt: '2026-02-01T08:00:00.000Z',
  _status: 'published',
} satisfies Lesson

const lookups = fakeRecordLookups({
  themes: { 11: { slug: 'emotions', name: '情绪' }, 12: { slug: 'habits', name: '习惯' } },
  records: { 'micro-lessons:21': 'micro-lesson:goodbye', 'case-studies:31': 'case-study:crying', 'lesson-plans:41': 'lesson-plan:k1-03-plan' },
})

describe('lessonToPublicRecord', () => {
  it('maps every field of a published lesson to its record', () => {
    expect(lessonToPublicRecord(lesson, lookups)).toEqual({
      id: 'lesson:k1-03-separation',
      type: 'lesson',
      slug: 'k1-03-separation',
      url: '/lessons/k1-03-separation/',
      title: '分离焦虑：入园第一周',
      summary: '孩子刚入园时哭闹是常见的分离焦虑。',
      bodyText: ['入园前一周，可以带孩子熟悉幼儿园。', '告别小仪式', '每天用同一句话道别。', '理解分离焦虑', '学会告别仪式', '孩子今天哭了多久？'].join('\n'),
      stages: ['kindergarten'],
      grades: ['k1'],
      gradeOrder: 1,
      themes: ['emotions', 'habits'],
      themeNames: ['情绪', '习惯'],
      audience: ['parents', 'grandparents'],
      category: 'general',
      durationMinutes: 40,
      familySituations: [],
      publishedAt: '2026-03-01T08:00:00.000Z',
      sequence: 3,
      core: true,
      month: null,
      occasion: null,
      sections: [
        { key: 'objectives', heading: '学习目标', html: '<ul><li>理解分离焦虑</li><li>学会告别仪式</li></ul>' },
        { key: 'body', heading: '课程内容', html: '<p>入园前一周，可以带孩子熟悉幼儿园。</p>' },
        { key: 'practice', heading: '亲子练习：告别小仪式', html: '<p>每天用同一句话道别。</p>' },
        { key: 'reflection', heading: '反思问题', html: '<ol><li>孩子今天哭了多久？</li></ol>' },
      ],
      // The unpublished case study (32) is left out.
      related: ['micro-lesson:goodbye', 'case-study:crying', 'lesson-plan:k1-03-plan'],
      presenter: null,
      video: null,
    })
  })

  it('says false, not absent, for a lesson outside its grade’s core lessons', () => {
    expect(lessonToPublicRecord({ ...lesson, core: false }, lookups)?.core).toBe(false)
    expect(lessonToPublicRecord({ ...lesson, core: null }, lookups)?.core).toBe(false)
  })

  it('maps nothing of a draft', () => {
    expect(lessonToPublicRecord({ ...lesson, _status: 'draft' }, lookups)).toBeUndefined()
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    expect(fieldMismatchOf(Lessons, lesson)).toEqual({ missingFromFixture: [], notInCollection: [] })
  })
})
