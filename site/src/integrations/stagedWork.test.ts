import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { moveStaged, startStagedWork } from './stagedWork.ts'

let root: string

afterEach(() => rmSync(root, { recursive: true, force: true }))

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

describe('work staged outside the built site', () => {
  it('runs in a worker that writes into its staging folder, then moves into the site beside the pages already there', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'gongyu-staged-'))
    const worker = path.join(root, 'worker.mjs')
    write(
      worker,
      [
        "import { mkdirSync, writeFileSync } from 'node:fs'",
        "import { join } from 'node:path'",
        "import { parentPort, workerData } from 'node:worker_threads'",
        "mkdirSync(join(workerData.stagingDir, 'zh-hant', 'feeds'), { recursive: true })",
        "writeFileSync(join(workerData.stagingDir, 'zh-hant', 'feeds', 'search.json'), '{\"v\":1}')",
        "writeFileSync(join(workerData.stagingDir, 'search-index.json'), '{}')",
        'parentPort.postMessage({ files: 2 })',
      ].join('\n'),
    )
    const outDir = path.join(root, 'dist')
    write(path.join(outDir, 'zh-hant', 'index.html'), '<p>首頁</p>')
    write(path.join(outDir, 'search-index.json'), 'stale')
    const work = startStagedWork<{ files: number }>(pathToFileURL(worker), path.join(root, 'cache', 'staged'))
    expect(await work.done()).toEqual({ files: 2 })
    moveStaged(work.stagingDir, outDir)
    expect(readFileSync(path.join(outDir, 'zh-hant', 'index.html'), 'utf8')).toBe('<p>首頁</p>')
    expect(readFileSync(path.join(outDir, 'zh-hant', 'feeds', 'search.json'), 'utf8')).toBe('{"v":1}')
    expect(readFileSync(path.join(outDir, 'search-index.json'), 'utf8')).toBe('{}')
    expect(existsSync(work.stagingDir)).toBe(false)
  })

  it('reports a worker that fails', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'gongyu-staged-'))
    const worker = path.join(root, 'worker.mjs')
    write(worker, "throw new Error('导出文件不符合格式')")
    await expect(startStagedWork(pathToFileURL(worker), path.join(root, 'staged')).done()).rejects.toThrow('导出文件不符合格式')
  })
})
