// `npm run bench`: prints benchmark figures as JSON. Figures only: nothing here fails on timing.
// `npm run bench -- load search` runs only the named sections.
import { cmsBenchmarks } from './cmsBenchmarks.ts'
import { loadBenchmarks } from './loadBenchmarks.ts'
import { searchBenchmarks } from './searchBenchmarks.ts'
import { siteBenchmarks } from './siteBenchmarks.ts'
import { videoBenchmarks } from './videoBenchmarks.ts'
import { widgetBenchmarks } from './widgetBenchmarks.ts'

const sections: Record<string, () => Promise<Record<string, unknown>>> = {
  cms: cmsBenchmarks,
  load: loadBenchmarks,
  search: searchBenchmarks,
  site: siteBenchmarks,
  video: videoBenchmarks,
  widgets: widgetBenchmarks,
}

const requested = process.argv.slice(2).filter((name) => !name.startsWith('-'))
const unknown = requested.filter((name) => !(name in sections))
if (unknown.length > 0) {
  console.error(`未知的基准测试部分：${unknown.join('、')}。可选：${Object.keys(sections).join('、')}`)
  process.exit(2)
}

const results: Record<string, unknown> = {
  machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: (await import('node:os')).cpus().length },
}
for (const [name, section] of Object.entries(sections)) {
  if (requested.length === 0 || requested.includes(name)) results[name] = await section()
}
console.log(JSON.stringify(results, null, 2))
process.exit(0)
