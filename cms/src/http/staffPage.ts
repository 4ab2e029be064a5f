import { escapeHtml } from '@gongyu/contract'

/**
 * Headers of the pages the CMS builds in full for staff to print (certificates, session sheets,
 * survey codes and reports): no script and nothing loaded, framed only by the admin, and never
 * cached, as they may hold a name or a report.
 */
export const STAFF_PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
} as const

/** A staff page as a response. */
export function staffPage(status: number, html: string): Response {
  return new Response(html, { status, headers: STAFF_PAGE_HEADERS })
}

/** A one-line staff page that says why the page cannot be shown. */
export function staffMessagePage(status: number, title: string, message: string): Response {
  return staffPage(
    status,
    `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><p>${escapeHtml(message)}</p></body></html>`,
  )
}
