'use client'

import { useFormFields } from '@payloadcms/ui'
import { createElement as h } from 'react'
import { attendanceSummary, type SessionAttendanceInput } from '../attendanceSummary'

const beijingTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

const boxStyle = { margin: '1rem 0 2rem', padding: '1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: '4px' } as const
const cellStyle = { padding: '.35rem .75rem .35rem 0', textAlign: 'left', borderBottom: '1px solid var(--theme-elevation-100)' } as const

const cell = (tag: 'th' | 'td', text: string) => h(tag, { style: cellStyle }, text)

/**
 * 出勤统计 on a course list's edit page (issue 16): each session's head count
 * and the list's totals, read live from the form, so a count typed above
 * shows here before it is saved. Head counts only, never names; shown only
 * to those who may read the head-count field (the organization's org-admin
 * and admins), since the form holds no head count for anyone else.
 * Written with createElement rather than JSX so the unit test runs it without the admin's JSX build.
 */
export function AttendanceSummary() {
  const items = useFormFields(([fields]) => {
    const rows: SessionAttendanceInput[] = []
    for (const [path, state] of Object.entries(fields)) {
      const match = /^items\.(\d+)\.session\.(startsAt|place|headCount)$/.exec(path)
      if (!match) continue
      const index = Number(match[1])
      const row = rows[index] ?? {}
      row[match[2] as keyof SessionAttendanceInput] = state.value as never
      rows[index] = row
    }
    return rows
  })
  const headCountVisible = useFormFields(([fields]) => Object.keys(fields).some((path) => path.endsWith('.session.headCount')))
  if (!headCountVisible) return null
  const summary = attendanceSummary(Array.from(items, (item) => item ?? null))
  const title = h('h3', { id: 'attendance-summary-title', style: { marginTop: 0 } }, '出勤统计')
  if (summary.sessions.length === 0) {
    return h(
      'section',
      { style: boxStyle, 'aria-labelledby': 'attendance-summary-title' },
      title,
      h('p', null, '这份清单还没有线下活动。在课程的“线下活动”里填写开始时间后，这里会列出每次活动；活动结束后填“到场人数”。'),
    )
  }
  const average = summary.average === null ? '' : `，平均每次 ${summary.average} 人`
  return h(
    'section',
    { style: boxStyle, 'aria-labelledby': 'attendance-summary-title' },
    title,
    h('p', { 'data-attendance-total': '' }, `共 ${summary.sessions.length} 次活动，已记录 ${summary.counted} 次，合计到场 ${summary.total} 人次${average}。`),
    h(
      'table',
      { style: { borderCollapse: 'collapse', width: '100%' } },
      h('thead', null, h('tr', null, cell('th', '课程'), cell('th', '时间（北京时间）'), cell('th', '地点'), cell('th', '到场人数'))),
      h(
        'tbody',
        null,
        summary.sessions.map((session) =>
          h(
            'tr',
            { key: `${session.position}-${session.startsAt}` },
            cell('td', `第 ${session.position} 课`),
            cell('td', beijingTime.format(new Date(session.startsAt))),
            cell('td', session.place || '—'),
            cell('td', session.headCount === null ? '未填写' : `${session.headCount} 人`),
          ),
        ),
      ),
    ),
    h('p', { style: { color: 'var(--theme-elevation-500)' } }, '人次：同一位家长来了两次算两人次。只记人数，不记姓名。改动在保存后生效。'),
  )
}
