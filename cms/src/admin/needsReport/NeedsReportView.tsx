import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { hasRole } from '../../access/roles'
import { NEEDS_REPORT_THRESHOLDS, NEEDS_REPORT_WEEKS, readNeedsReport, type NeedsReportRow } from '../../collections/NeedSignals/needsReport'
import { MakeContentTaskButton } from './MakeContentTaskButton'

// Payload's admin has no plain-table style; these follow its theme variables.
const tableStyle = { width: '100%', borderCollapse: 'collapse', margin: '0.5rem 0 2rem' } as const
const cellStyle = { textAlign: 'left', verticalAlign: 'top', padding: '0.6rem 0.75rem 0.6rem 0', borderBottom: '1px solid var(--theme-elevation-100)' } as const

function areaOf(row: NeedsReportRow): string {
  if (row.level === 'county') return `${row.province ?? ''}${row.county ?? ''}`
  if (row.level === 'province') return `${row.province ?? ''}（全省）`
  return '所有地区'
}

/**
 * 需求分析 (/admin/needs-report): for content staff, the queries parents
 * looked for, by area and ISO week, only where a group reaches the
 * threshold; each query becomes a content task with one click.
 */
export async function NeedsReportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const user = req.user
  const adminRoute = req.payload.config.routes.admin
  const staff = hasRole(user, 'admin', 'reviewer', 'editor')
  const rows = staff ? await readNeedsReport(req.payload) : []
  const tasks = staff
    ? await req.payload.find({
        collection: 'content-tasks',
        where: { query: { in: [...new Set(rows.map((row) => row.query))] } },
        limit: 0,
        pagination: false,
        depth: 0,
        select: { query: true },
        overrideAccess: true,
      })
    : { docs: [] }
  const taskByQuery = new Map(tasks.docs.map((task) => [task.query, task.id]))
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>需求分析</h1>
        {!staff && <p>只有课程编辑、审核人员和管理员可以查看需求分析。</p>}
        {staff && (
          <>
            <p>
              最近 {NEEDS_REPORT_WEEKS} 周家长在网站上找过、但没找到的内容。为了不让任何一位家长被认出来，只列出同一周里同一个县（区）至少{' '}
              {NEEDS_REPORT_THRESHOLDS.county} 次、同一个省至少 {NEEDS_REPORT_THRESHOLDS.province} 次、或所有地区合计至少 {NEEDS_REPORT_THRESHOLDS.all}{' '}
              次的搜索词；次数更少的不显示，也无法通过接口读取。
            </p>
            {rows.length === 0 ? (
              <p>暂时没有达到显示门槛的搜索词。</p>
            ) : (
              <table className="gongyu-needs-report" style={tableStyle}>
                <thead>
                  <tr>
                    <th scope="col" style={cellStyle}>
                      周
                    </th>
                    <th scope="col" style={cellStyle}>
                      地区
                    </th>
                    <th scope="col" style={cellStyle}>
                      搜索词
                    </th>
                    <th scope="col" style={cellStyle}>
                      家长告诉我们
                    </th>
                    <th scope="col" style={cellStyle}>
                      搜索无结果
                    </th>
                    <th scope="col" style={cellStyle}>
                      内容任务
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const taskId = taskByQuery.get(row.query)
                    return (
                      <tr key={`${row.level}-${row.province}-${row.county}-${row.week}-${row.query}`}>
                        <td style={cellStyle}>{row.week}</td>
                        <td style={cellStyle}>{areaOf(row)}</td>
                        <td style={cellStyle}>{row.query}</td>
                        <td style={cellStyle}>{row.asked}</td>
                        <td style={cellStyle}>{row.zeroResult}</td>
                        <td style={cellStyle}>
                          {taskId === undefined ? (
                            <MakeContentTaskButton query={row.query} />
                          ) : (
                            <a href={formatAdminURL({ adminRoute, path: `/collections/content-tasks/${taskId}` })}>打开任务</a>
                          )}
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            )}
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
