// One database benchmark, run by cmsBenchmarks.ts in a process of its own; reports through childProcess.ts.
import { reportToParent } from './childProcess.ts'
import { benchmarkFromEnvironment } from './cmsBenchmarks.ts'

reportToParent(await benchmarkFromEnvironment())
process.exit(0)
