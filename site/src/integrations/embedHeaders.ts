import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { PublicCourseList, PublicOrganization } from '@gongyu/contract'
import { isSlug } from '../widgets/shared/siteUrls.ts'

/** Response headers for one path; a path ending in `*` covers everything below it. */
export interface HeaderRule {
  path: string
  headers: Record<string, string>
}

/** The file site/scripts/staticServer.ts reads its per-path headers from. */
export const HEADERS_JSON = '_headers.json'

const CROSS_ORIGIN_READ = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' }

/**
 * An allowed origin as it may appear in a CSP source list, or null. Anything
 * but a bare http(s) origin is refused: a path, a wildcard, a quote, a `;`
 * or a line break in the CMS field must never become part of a header.
 */
export function cspOrigin(value: string): string | null {
  const trimmed = value.trim()
  // The URL parser quietly drops tabs and line breaks; refuse them (and CSP punctuation) before it can.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses.
  if (/[\s\u0000-\u001f\u007f;,'"*]/.test(trimmed)) return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    // Not a URL: left out of the header (the build logs how many were left out).
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  return `${url.origin}/` === url.href ? url.origin : null
}

/** The frame-ancestors sources of an organization's embeds: the Gongyu site itself (the builder's preview) and its allowed origins. */
export function frameAncestors(organization: PublicOrganization | undefined): string[] {
  const origins = (organization?.allowedOrigins ?? []).map(cspOrigin).filter((origin): origin is string => origin !== null)
  return ["'self'", ...new Set(origins)]
}

/**
 * The embed pages' own policy: only their script and stylesheet from the
 * Gongyu site, nothing inline, and, for an organization's list, only its
 * allowed origins may frame it.
 */
export function embedPageCsp(ancestors: string[] | null): string {
  const policy = ["default-src 'none'", "script-src 'self'", "style-src 'self'", "base-uri 'none'", "form-action 'none'"]
  if (ancestors) policy.push(`frame-ancestors ${ancestors.join(' ')}`)
  return policy.join('; ')
}

/**
 * Every header rule of a build: CORS on the feeds and widget files (any
 * school's page may read them), long caching for the versioned files,
 * and a CSP with frame-ancestors on each embed page, Simplified and Traditional.
 */
export function embedHeaderRules(content: { organizations: PublicOrganization[]; courseLists: PublicCourseList[] }, versionedFiles: string[]): HeaderRule[] {
  const rules: HeaderRule[] = [
    { path: '/feeds/*', headers: CROSS_ORIGIN_READ },
    { path: '/zh-hant/feeds/*', headers: CROSS_ORIGIN_READ },
    { path: '/widgets/*', headers: CROSS_ORIGIN_READ },
    ...versionedFiles.map((file) => ({ path: file, headers: { 'cache-control': 'public, max-age=31536000, immutable' } })),
  ]
  for (const prefix of ['', '/zh-hant']) {
    // Grades and themes are the bank's own public lessons: any site may frame them.
    rules.push({ path: `${prefix}/embed/grades/*`, headers: { 'content-security-policy': embedPageCsp(null) } })
    rules.push({ path: `${prefix}/embed/themes/*`, headers: { 'content-security-policy': embedPageCsp(null) } })
    for (const list of content.courseLists) {
      if (!isSlug(list.slug)) continue
      const organization = content.organizations.find((candidate) => candidate.slug === list.organization)
      // `*` so that …/index.html, which serves the same page, carries the same policy.
      rules.push({ path: `${prefix}/embed/course-lists/${list.slug}/*`, headers: { 'content-security-policy': embedPageCsp(frameAncestors(organization)) } })
    }
  }
  return rules
}

/** The head of the `_headers` file: how hosts combine its rules, which decides what embed pages get. */
const HEADERS_FILE_NOTE = [
  '# Written by the site build (site/src/integrations/embedHeaders.ts). Rules are in order: a later matching rule',
  '# replaces a header set by an earlier one (Netlify; staticServer.ts does the same), so the embed pages',
  '# replace the site-wide CSP with their own frame-ancestors. A path that dodges a rule (`/embed//course-lists/…/`)',
  "# still matches `/*` and gets frame-ancestors 'self': it can be shown, but never framed by another site.",
  '# A host that joins repeated headers instead (Cloudflare Pages) sends both policies; the stricter one wins,',
  '# so embed pages there cannot be framed by schools until the `/*` CSP is detached (`! Content-Security-Policy`).',
]

/** The same rules as a Netlify / Cloudflare Pages `_headers` file, for static hosts that read one. */
export function netlifyHeaders(rules: HeaderRule[]): string {
  const blocks: string[] = []
  for (const rule of rules) {
    const lines = Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)
    const paths = rule.path.endsWith('/*') ? [rule.path.slice(0, -1), rule.path] : [rule.path]
    for (const one of paths) blocks.push([one, ...lines].join('\n'))
  }
  return `${blocks.join('\n')}\n`
}

/** Writes `_headers.json` (read by staticServer.ts) and `_headers` into the built site. */
export function writeHeaderFiles(outDir: string, rules: HeaderRule[]): void {
  mkdirSync(outDir, { recursive: true })
  writeFileSync(path.join(outDir, HEADERS_JSON), `${JSON.stringify({ version: 1, rules }, null, 1)}\n`)
  writeFileSync(path.join(outDir, '_headers'), `${HEADERS_FILE_NOTE.join('\n')}\n${netlifyHeaders(rules)}`)
}
