import { parentPort, workerData } from 'node:worker_threads'
import { extractText, getDocumentProxy } from 'unpdf'

// See pdfText.ts: runs pdf.js away from the test process's globals.
const { text } = await extractText(await getDocumentProxy(new Uint8Array(workerData as Uint8Array)), { mergePages: false })
parentPort?.postMessage(text)
