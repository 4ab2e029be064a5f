import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { hasRole } from '../../access/roles'
import { findReviewQueue, type QueueItem } from './findReviewQueue'
import { ReviewActions } from './ReviewActions'

// Schools are in mainland China and Hong Kong, both UTC+8; the server may run in UTC.
const dateFormat = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
const dateOf = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : '—')

// Payload's admin has no plain-table style; these follow its theme variables.
const tableStyle = { width: '100%', borderCollapse: 'collapse', margin: '0.5rem 0 2rem' } as const
const cellStyle = { textAlign: 'left', verticalAlign: 'top', padding: '0.6rem 0.75rem 0.6rem 0', borderBottom: '1px solid var(--theme-elevation-100)' } as const

function QueueTable({ items, adminRoute, withActions }: { items: QueueItem[]; adminRoute: string; withActions: boolean }) {
  return (
    <table className="gongyu-queue" style={tableStyle}>
      <thead>
        <tr>
          <th scope="col" style={cellStyle}>
            类型
          </th>
          <th scope="col" style={cellStyle}>
            标题
          </th>
          <th scope="col" style={cellStyle}>
            审核状态
          </th>
          <th scope="col" style={cellStyle}>
            提交人
          </th>
          <th scope="col" style={cellStyle}>
            提交时间
          </th>
          <th scope="col" style={cellStyle}>
            最后修改
          </th>
          {withActions && (
            <th scope="col" style={cellStyle}>
              审核
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.collection}-${item.id}`}>
            <td style={cellStyle}>{item.typeLabel}</td>
            <td style={cellStyle}>
              <a href={formatAdminURL({ adminRoute, path: `/collections/${item.collection}/${item.id}` })}>{item.title}</a>
            </td>
            <td style={cellStyle}>{item.reviewStateLabel}</td>
            <td style={cellStyle}>{item.submitter || '—'}</td>
            <td style={cellStyle}>{dateOf(item.submittedAt)}</td>
            <td style={cellStyle}>{dateOf(item.updatedAt)}</td>
            {withActions && (
              <td style={cellStyle}>
                <ReviewActions collection={item.collection} id={item.id} title={item.title} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * 审核队列 (/admin/review): for reviewers and admins, everything sent for
 * review across the content types, with who sent it and when, a link to open
 * it, and 发布 / 退回修改 with a note; for everyone, their own unpublished work (我的草稿).
 */
export async function ReviewQueueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const user = req.user
  const adminRoute = req.payload.config.routes.admin
  const reviewer = hasRole(user, 'admin', 'reviewer')
  const staff = reviewer || hasRole(user, 'editor')
  const waiting = user && reviewer ? await findReviewQueue(req.payload, user, 'review') : undefined
  const mine = user && staff ? await findReviewQueue(req.payload, user, 'mine') : undefined
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
        <h1>审核队列</h1>
        {!staff && <p>只有课程编辑、审核人员和管理员使用审核队列。</p>}
        {waiting && (
          <section aria-labelledby="queue-waiting" style={{ marginTop: '1.5rem' }}>
            <h2 id="queue-waiting">待审核（{waiting.items.length + waiting.more}）</h2>
            {waiting.items.length === 0 ? <p>现在没有等待审核的内容。</p> : <QueueTable items={waiting.items} adminRoute={adminRoute} withActions />}
            {waiting.more > 0 && <p>另有 {waiting.more} 项未列出，请先处理上面较早提交的。</p>}
          </section>
        )}
        {mine && (
          <section aria-labelledby="queue-mine">
            <h2 id="queue-mine">我的草稿（{mine.items.length + mine.more}）</h2>
            {mine.items.length === 0 ? (
              <p>你创建的内容都已审核通过，或者还没有创建内容。</p>
            ) : (
              <QueueTable items={mine.items} adminRoute={adminRoute} withActions={false} />
            )}
          </section>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
