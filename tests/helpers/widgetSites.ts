import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { hostileExport } from '../fixtures/widgetHostileExport.ts'
import { buildAndServeFromExport, buildTestSite, type BuiltTestSite } from './siteBuild.ts'

/** Grades whose lessons the three seeded course lists use: with them, all three lists are in the slice. */
export const COURSE_LIST_GRADES = ['k1', 'k2', 'k3', 'p1', 'p2', 'p3', 'p5', 'j1', 'j2', 's1']

/** The seeded organization whose allowed origins the tests extend with the foreign host. */
export const FRAMING_ORGANIZATION = 'org-urban-kindergarten'

/**
 * The seeded bank (the grades the course lists need), with the foreign
 * host's origin added to one organization's allowed origins, the way an
 * org-admin does it in the CMS, then exported, built and served.
 */
export function buildSeededWidgetSite(allowedOrigin: string): Promise<BuiltTestSite> {
  return buildTestSite({
    grades: COURSE_LIST_GRADES,
    beforeExport: async (payload) => {
      const found = await payload.find({ collection: 'organizations', where: { slug: { equals: FRAMING_ORGANIZATION } }, limit: 1, depth: 0 })
      const organization = found.docs[0] as unknown as { id: string | number; allowedOrigins?: { origin: string }[] } | undefined
      if (!organization) throw new Error(`${FRAMING_ORGANIZATION} was not seeded`)
      const allowedOrigins = [...(organization.allowedOrigins ?? []).map(({ origin }) => ({ origin })), { origin: allowedOrigin }]
      await payload.update({ collection: 'organizations', id: organization.id, data: { allowedOrigins } as never })
    },
  })
}

/** A site built from the hand-written hostile export (no CMS), served on loopback. */
export async function buildHostileWidgetSite(allowedOrigin: string): Promise<BuiltTestSite> {
  const root = mkdtempSync(path.join(tmpdir(), 'gongyu-hostile-'))
  const exportDir = path.join(root, 'published')
  mkdirSync(exportDir)
  writeFileSync(path.join(exportDir, 'published.json'), JSON.stringify(hostileExport(allowedOrigin)))
  return buildAndServeFromExport(root)
}

/** The versioned widgets script of a build, read from the builder page (the one place that names it). */
export async function widgetScriptOf(siteUrl: string): Promise<{ src: string; integrity: string }> {
  const html = await (await fetch(`${siteUrl}/embed/`)).text()
  const match = /<script src="(\/widgets\/v1\/gongyu-widgets\.[0-9a-f]+\.js)" integrity="([^"]+)"/.exec(html)
  if (!match?.[1] || !match[2]) throw new Error('the builder page names no widgets script')
  return { src: `${siteUrl}${match[1]}`, integrity: match[2] }
}
