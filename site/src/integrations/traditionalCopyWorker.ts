// One worker thread of TraditionalStream: loads the converter's tables at once (it starts while Vite is
// still building), then writes the Traditional copy of each batch of rendered pages it is sent and reports back.
import { parentPort } from 'node:worker_threads'
import { traditionalConverter } from './traditional.ts'
import { copyRenderedPages, type RenderedBatch } from './traditionalCopy.ts'

const convert = traditionalConverter()
convert('预先载入转换表')
const folders = new Set<string>()
parentPort?.on('message', (batch: RenderedBatch) => parentPort?.postMessage(copyRenderedPages(batch, convert, folders)))
