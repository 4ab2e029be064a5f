import type { AdminViewConfig, CustomComponent } from 'payload'

/** 需求分析 (/admin/needs-report): what parents looked for, above the privacy threshold (issue 17). */
export const needsReportView: AdminViewConfig = { Component: '/admin/needsReport/NeedsReportView#NeedsReportView', path: '/needs-report', exact: true }

/** The menu's link to the needs report. */
export const needsReportNavLink: CustomComponent = '/admin/needsReport/NeedsReportNavLink#NeedsReportNavLink'
