'use client'

import { useConfig } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'

/** The admin menu's link to the needs report. */
export function NeedsReportNavLink() {
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  return (
    <a className="nav__link" href={formatAdminURL({ adminRoute: admin, path: '/needs-report' })}>
      <span className="nav__link-label">需求分析</span>
    </a>
  )
}
