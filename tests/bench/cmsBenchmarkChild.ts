// One database benchmark, run by cmsBenchmarks.ts in a process of its own; prints one JSON line.
import { benchmarkFromEnvironment } from './cmsBenchmarks.ts'

const result = await benchmarkFromEnvironment()
console.log(JSON.stringify(result))
process.exit(0)
