import type { PublicRecord } from '@gongyu/contract'
import type { APIRoute, GetStaticPaths } from 'astro'
import { loadCatalog } from '../../../content/catalog.ts'
import { DOCX_TYPE } from '../../../lib/docxFile.ts'
import { handoutDocx } from '../../../lib/docxPlan.ts'
import { handoutAddress, planParts } from '../../../lib/planParts.ts'

// The parents' handout alone as a Word file, for plans that have one.
export const getStaticPaths = (async () => {
  const catalog = await loadCatalog()
  return catalog
    .ofType('lesson-plan')
    .filter((record) => planParts(record).handout !== undefined)
    .map((record) => ({ params: { slug: record.slug }, props: { record, lessons: catalog.related(record, 'lesson') } }))
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props, site }) => {
  const { record, lessons } = props as { record: PublicRecord; lessons: PublicRecord[] }
  const file = await handoutDocx(record, { lessonUrl: handoutAddress(record, lessons, site ?? 'http://localhost:4321') })
  if (!file) return new Response(null, { status: 404 })
  return new Response(new Uint8Array(file), { headers: { 'content-type': DOCX_TYPE } })
}
