import type { APIRoute, GetStaticPaths } from 'astro'
import { planFilesBuiltByWorker } from '../../../content/planFilesSlot.ts'
import { type PlanPageProps, planPaths } from '../../../content/planPaths.ts'
import { DOCX_TYPE } from '../../../lib/docxFile.ts'
import { handoutDocx } from '../../../lib/docxPlan.ts'
import { handoutAddress } from '../../../lib/planParts.ts'

// The parents' handout alone as a Word file, for plans that have one.
// Served here by `astro dev` only: a build writes the Word files on its export worker, beside the pages (content/planFiles.ts).
export const getStaticPaths = (() => (planFilesBuiltByWorker() ? [] : planPaths({ handoutOnly: true }))) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props, site }) => {
  const { record, lessons } = props as PlanPageProps
  const file = await handoutDocx(record, { lessonUrl: handoutAddress(record, lessons, site ?? 'http://localhost:4321') })
  if (!file) return new Response(null, { status: 404 })
  return new Response(new Uint8Array(file), { headers: { 'content-type': DOCX_TYPE } })
}
