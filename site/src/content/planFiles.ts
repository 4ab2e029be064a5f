import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { handoutDocx, planDocx } from '../lib/docxPlan.ts'
import { handoutAddress } from '../lib/planParts.ts'
import type { PlanPageProps } from './catalogData.ts'

/**
 * Writes the Word files of the lesson plans (plansOf) into `outDir`, where the plan
 * routes (pages/plans/[slug]/plan.docx.ts, handout.docx.ts) serve them in
 * `astro dev`: plans/<slug>/plan.docx, and handout.docx for a plan with a
 * handout. A build makes them on a worker thread of their own
 * (integrations/planFilesWorker.ts) while Astro renders the pages: they take
 * no part in any page. `site` is
 * the site's public URL, which the handout's QR code opens. Returns the
 * number of files.
 */
export async function writePlanFiles(outDir: string, plans: readonly PlanPageProps[], site: string): Promise<number> {
  let files = 0
  for (const { record, lessons } of plans) {
    const folder = path.join(outDir, 'plans', record.slug)
    const options = { lessonUrl: handoutAddress(record, lessons, site) }
    mkdirSync(folder, { recursive: true })
    writeFileSync(path.join(folder, 'plan.docx'), await planDocx(record, options))
    files += 1
    const handout = await handoutDocx(record, options)
    if (handout) {
      writeFileSync(path.join(folder, 'handout.docx'), handout)
      files += 1
    }
  }
  return files
}
