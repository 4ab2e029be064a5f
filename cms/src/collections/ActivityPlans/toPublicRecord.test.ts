import { describe, expect, it } from 'vitest'
import type { ActivityPlan } from '../../payload-types'
import { fakeRecordLookups } from '../testing/fakeRecordLookups'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { richText } from '../testing/richText'
import { ActivityPlans } from './index'
import { activityPlanToPublicRecord } from './toPublicRecord'

const activityPlan = {
  id: 91,
  title: '中秋一起做月饼',
  occasion: 'mid-autumn',
  month: 9,
  stages: ['primary', 'kindergarten'],
  overview: richText('全家一起做月饼，聊聊团圆。'),
  goals: [{ id: 'g1', text: '体验合作' }],
  steps: [{ id: 's1', title: '和面', detail: '孩子量面粉。' }],
  materials: [{ id: 'm1', text: '面粉' }],
  safetyNotes: [{ id: 'n1', text: '烤箱由大人操作' }],
  slug: 'mid-autumn-mooncakes',
  reviewState: 'approved',
  reviewNote: null,
  submittedBy: null,
  submittedAt: null,
  createdBy: null,
  updatedAt: '2026-03-05T08:00:00.000Z',
  createdAt: '2026-02-05T08:00:00.000Z',
  _status: 'published',
} satisfies ActivityPlan

const lookups = fakeRecordLookups()

describe('activityPlanToPublicRecord', () => {
  it('maps every field of a published activity plan to its record', () => {
    expect(activityPlanToPublicRecord(activityPlan, lookups)).toEqual({
      id: 'activity-plan:mid-autumn-mooncakes',
      type: 'activity-plan',
      slug: 'mid-autumn-mooncakes',
      url: '/activities/mid-autumn-mooncakes/',
      title: '中秋一起做月饼',
      summary: '全家一起做月饼，聊聊团圆。',
      bodyText: ['全家一起做月饼，聊聊团圆。', '体验合作', '和面', '孩子量面粉。', '烤箱由大人操作'].join('\n'),
      stages: ['primary', 'kindergarten'],
      grades: [],
      gradeOrder: 99,
      themes: [],
      themeNames: [],
      audience: ['parents'],
      category: null,
      durationMinutes: null,
      familySituations: [],
      publishedAt: '2026-03-05T08:00:00.000Z',
      sequence: null,
      month: 9,
      occasion: 'mid-autumn',
      sections: [
        { key: 'overview', heading: '活动概述', html: '<p>全家一起做月饼，聊聊团圆。</p>' },
        { key: 'goals', heading: '活动目标', html: '<ul><li>体验合作</li></ul>' },
        { key: 'steps', heading: '活动步骤', html: '<ol><li><strong>和面</strong><p>孩子量面粉。</p></li></ol>' },
        { key: 'materials', heading: '材料', html: '<ul><li>面粉</li></ul>' },
        { key: 'safety', heading: '安全提示', html: '<ul><li>烤箱由大人操作</li></ul>' },
      ],
      related: [],
      presenter: null,
      video: null,
    })
  })

  it('maps nothing of a draft', () => {
    expect(activityPlanToPublicRecord({ ...activityPlan, _status: 'draft' }, lookups)).toBeUndefined()
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    expect(fieldMismatchOf(ActivityPlans, activityPlan)).toEqual({ missingFromFixture: [], notInCollection: [] })
  })
})
