import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/** A worker thread writing into a staging folder; `done()` waits for what it reports. */
export interface StagedWork<Report> {
  stagingDir: string
  done: () => Promise<Report>
}

/**
 * Starts a worker thread that writes part of the site from the export alone
 * (the search index, the widget feeds, the Word files) into `stagingDir`
 * (given in its workerData, beside `data`), outside the output folder, which
 * Astro empties first: it runs on the second core while Astro renders the
 * pages. `moveStaged` then puts its files into the built site.
 */
export function startStagedWork<Report>(worker: URL, stagingDir: string, data: Record<string, unknown> = {}): StagedWork<Report> {
  rmSync(stagingDir, { recursive: true, force: true })
  mkdirSync(stagingDir, { recursive: true })
  const thread = new Worker(worker, { workerData: { ...data, stagingDir } })
  // Not holding the process open: a build that fails first exits at once (done() holds it again).
  thread.unref()
  const report = new Promise<Report>((resolve, reject) => {
    thread.once('message', resolve)
    thread.once('error', reject)
    thread.once('exit', (code) => {
      if (code !== 0) reject(new Error(`构建线程 ${path.basename(worker.pathname)} 异常退出（退出码 ${code}）`))
    })
  })
  // Awaited through done(); a build that fails before then reports its own error, not this one as unhandled.
  report.catch(() => undefined)
  return {
    stagingDir,
    done: () => {
      thread.ref()
      return report
    },
  }
}

/** Moves everything under `from` into `to`: a folder `to` lacks moves whole, one it has is merged. */
function merge(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory() && existsSync(target) && statSync(target).isDirectory()) merge(source, target)
    else {
      try {
        renameSync(source, target)
      } catch {
        // Another disk (EXDEV): copy instead.
        cpSync(source, target, { recursive: true })
      }
    }
  }
}

/** Moves the staged files into the built site (`outDir`) and removes the staging folder. */
export function moveStaged(stagingDir: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true })
  merge(stagingDir, outDir)
  rmSync(stagingDir, { recursive: true, force: true })
}
