import type { APIRoute, GetStaticPaths } from 'astro'
import { type PlanPageProps, planPaths } from '../../../content/planPaths.ts'
import { DOCX_TYPE } from '../../../lib/docxFile.ts'
import { planDocx } from '../../../lib/docxPlan.ts'
import { handoutAddress } from '../../../lib/planParts.ts'

// The whole plan as a Word file, written at build time, for a school to add its name and contact and print.
export const getStaticPaths = (() => planPaths()) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props, site }) => {
  const { record, lessons } = props as PlanPageProps
  const file = await planDocx(record, { lessonUrl: handoutAddress(record, lessons, site ?? 'http://localhost:4321') })
  return new Response(new Uint8Array(file), { headers: { 'content-type': DOCX_TYPE } })
}
