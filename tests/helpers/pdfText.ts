import { Worker } from 'node:worker_threads'

/**
 * The text of each page of a PDF, as a PDF reader extracts it (unpdf, i.e.
 * pdf.js). Read in a worker thread: pdf.js refuses to start in a process
 * where a loaded package (drizzle-kit, through Payload's SQLite adapter)
 * has added an enumerable `random` to Array.prototype, and a worker has
 * its own, clean globals.
 */
export function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pdfTextWorker.ts', import.meta.url), { workerData: pdf })
    worker.once('message', (pages: string[]) => resolve(pages))
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`PDF text worker exited with code ${code}`))
    })
  })
}
