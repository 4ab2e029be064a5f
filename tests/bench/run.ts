// `npm run bench`: prints benchmark figures as JSON. Figures only: nothing here fails on timing.
import { cmsBenchmarks } from './cmsBenchmarks.ts'
import { searchBenchmarks } from './searchBenchmarks.ts'
import { siteBenchmarks } from './siteBenchmarks.ts'
import { videoBenchmarks } from './videoBenchmarks.ts'
import { widgetBenchmarks } from './widgetBenchmarks.ts'

const results: Record<string, unknown> = {
  machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: (await import('node:os')).cpus().length },
}
results.cms = await cmsBenchmarks()
results.search = await searchBenchmarks()
results.site = await siteBenchmarks()
results.video = await videoBenchmarks()
results.widgets = await widgetBenchmarks()
console.log(JSON.stringify(results, null, 2))
process.exit(0)
