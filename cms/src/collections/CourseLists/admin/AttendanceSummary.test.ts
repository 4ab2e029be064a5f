import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// The admin's form state, as `useFormFields` hands it to a selector: one entry per field path.
let formFields: Record<string, { value: unknown }> = {}
vi.mock('@payloadcms/ui', () => ({ useFormFields: (selector: (context: [typeof formFields]) => unknown) => selector([formFields]) }))

const { AttendanceSummary } = await import('./AttendanceSummary')
const render = () => renderToStaticMarkup(createElement(AttendanceSummary))

describe('出勤统计 on a course list', () => {
  beforeEach(() => {
    formFields = {}
  })

  it('lists each session with its Beijing time, place and head count, and totals the list', () => {
    formFields = {
      'items.0.session.startsAt': { value: '2026-11-07T06:00:00.000Z' },
      'items.0.session.place': { value: '村委会' },
      'items.0.session.headCount': { value: 18 },
      'items.1.session.startsAt': { value: '2026-09-05T01:30:00.000Z' },
      'items.1.session.place': { value: '中心小学' },
      'items.1.session.headCount': { value: 31 },
      'items.2.session.startsAt': { value: '2026-12-05T01:30:00.000Z' },
      'items.2.session.headCount': { value: null },
      'items.3.session.headCount': { value: null },
    }
    const html = render()
    expect(html).toContain('出勤统计')
    expect(html).toContain('共 3 次活动，已记录 2 次，合计到场 49 人次，平均每次 24.5 人')
    // Time order, Beijing time (01:30 UTC is 09:30 in Beijing).
    expect(html.indexOf('中心小学')).toBeLessThan(html.indexOf('村委会'))
    expect(html).toMatch(/2026年9月5日[^<]*09:30/)
    expect(html).toContain('31 人')
    expect(html).toContain('未填写')
  })

  it('says how to start when the list has no session yet', () => {
    formFields = { 'items.0.session.headCount': { value: null } }
    expect(render()).toContain('这份清单还没有线下活动')
  })

  it('shows nothing to someone the head count is hidden from', () => {
    formFields = { 'items.0.session.startsAt': { value: '2026-09-05T01:30:00.000Z' }, 'items.0.session.place': { value: '中心小学' } }
    expect(render()).toBe('')
  })
})
