// One worker thread of writeTraditionalCopy: loads the converter's tables at once (it may start
// before the pages exist), then converts the batch of pages it is sent and posts back the indexable routes.
import { parentPort } from 'node:worker_threads'
import { traditionalConverter } from './traditional.ts'
import { copyPagesToTraditional, type TraditionalCopyJob } from './traditionalCopy.ts'

const convert = traditionalConverter()
convert('预先载入转换表')
parentPort?.once('message', (job: TraditionalCopyJob) => parentPort?.postMessage(copyPagesToTraditional(job, convert)))
