// A worker of gongyuIntegration: the lesson plans' Word files (content/planFiles.ts), written into the staging folder on a
// thread of their own while Astro renders the pages and the export worker builds the search index (issue 13: about a quarter of
// the page rendering's time was these files, and on the export worker they made it the build's longest thread at 10,000 records).
import { parentPort, workerData } from 'node:worker_threads'
import type { PlanPageProps } from '../content/catalogData.ts'
import { writePlanFiles } from '../content/planFiles.ts'

/** What the worker reports back. */
export interface PlanFilesReport {
  files: number
  ms: number
}

const { stagingDir, site, plans } = workerData as { stagingDir: string; site: string; plans: PlanPageProps[] }
const started = performance.now()
const files = await writePlanFiles(stagingDir, plans, site)
const report: PlanFilesReport = { files, ms: Math.round(performance.now() - started) }
parentPort?.postMessage(report)
