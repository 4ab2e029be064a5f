// One benchmark section in a process of its own, started by run.ts: `sectionProcess.ts <section>`.
// Its figures go back through a file (childProcess.ts); its stdout is the runner's stderr.
import { reportToParent } from './childProcess.ts'
import type { SectionName } from './sectionNames.ts'

type Section = () => Promise<Record<string, unknown>>

/** Each section is imported only in its own process, so one section's modules never load in another's. */
const sections: Record<SectionName | 'starterBank', () => Promise<Section>> = {
  starterBank: async () => {
    const { prepareStarterBank } = await import('./starterBank.ts')
    return async () => prepareStarterBank(process.env.GONGYU_BENCH_BANK_DIR as string)
  },
  search: async () => (await import('./searchBenchmarks.ts')).searchBenchmarks,
  cms: async () => (await import('./cmsBenchmarks.ts')).cmsBenchmarks,
  site: async () => (await import('./siteBenchmarks.ts')).siteBenchmarks,
  lighthouse: async () => (await import('./lighthouseBenchmarks.ts')).lighthouseBenchmarks,
  widgets: async () => (await import('./widgetBenchmarks.ts')).widgetBenchmarks,
  video: async () => (await import('./videoBenchmarks.ts')).videoBenchmarks,
  load: async () => (await import('./loadBenchmarks.ts')).loadBenchmarks,
  surveys: async () => (await import('./anonymousWriteBenchmarks.ts')).anonymousWriteBenchmarks,
}

const name = process.argv[2] as keyof typeof sections
const load = sections[name]
if (!load) throw new Error(`unknown benchmark section ${name}`)
const section = await load()
reportToParent(await section())
// Payload, browsers and servers may leave handles open; the figures are written, so end here.
process.exit(0)
