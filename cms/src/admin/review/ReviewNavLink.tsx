'use client'

import { useConfig } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'

/** The admin menu's link to the review queue and the signed-in user's drafts. */
export function ReviewNavLink() {
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  return (
    <a className="nav__link" href={formatAdminURL({ adminRoute: admin, path: '/review' })}>
      <span className="nav__link-label">审核队列 · 我的草稿</span>
    </a>
  )
}
