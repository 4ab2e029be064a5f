// One worker thread of writeTraditionalCopy: converts its batch of pages and posts back the indexable routes.
import { parentPort, workerData } from 'node:worker_threads'
import { copyPagesToTraditional, type TraditionalCopyJob } from './traditionalCopy.ts'

parentPort?.postMessage(copyPagesToTraditional(workerData as TraditionalCopyJob))
