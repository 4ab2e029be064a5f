// Two CMS instances and one job worker sharing one MongoDB (FerretDB here), one Meilisearch and
// one data folder, each started as a deployment starts it: `npm start` (GONGYU_INSTANCES=2, so
// the instances serve and do not run jobs) and `npm run worker`. Also the refusals: several
// instances or a worker without Meilisearch do not start.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bankSubset, FERRETDB_SEED_SLICE } from '../fixtures/bankSubset.ts'
import { makeVideoFixtures, type VideoFixtures } from '../fixtures/videoFixtures.ts'
import { type RunningCms, type RunningWorker, startCmsServer, startJobWorker, stopStartedProcesses } from '../helpers/cmsServer.ts'
import { testMeilisearch, type TestMeilisearch, uniqueIndexUid } from '../helpers/meilisearch.ts'
import { mongodbCompatibility } from '../helpers/mongodbCompatibility.ts'
import { testDatabaseTarget } from '../helpers/testDatabase.ts'
import { machineLacks } from '../setup/machineCapabilities.ts'

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
const ADMIN = { email: 'admin@example.test', password: 'e2e-admin-password' }
const WAIT_MS = 240_000

type Json = Record<string, unknown>

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Resident memory of a process group (the orchestrator and its children), in MB. */
function groupRssMb(pid: number): number {
  const result = spawnSync('ps', ['-o', 'rss=', '-g', String(pid)], { encoding: 'utf8' })
  return result.stdout.split('\n').reduce((total, line) => total + (Number(line.trim()) || 0), 0) / 1024
}

const countOf = (text: string, needle: string) => text.split(needle).length - 1

describe.skipIf(machineLacks('meilisearch') || machineLacks('video'))('two CMS instances and a job worker on one database', () => {
  let meili: TestMeilisearch
  let dataDir: string
  let deploymentEnv: Record<string, string | undefined>
  let a: RunningCms
  let b: RunningCms
  let worker: RunningWorker
  let observer: Payload
  let fx: VideoFixtures
  let fixtures: Promise<VideoFixtures> | undefined
  let token: string
  const peakRssMb = { cms: 0, worker: 0 }
  let sampler: NodeJS.Timeout | undefined
  let seedSeconds = 0
  const seedLog: string[] = []
  const started = Date.now()
  /** The first test's new title; the third test finds it in the export the worker writes. */
  const publishedTitle = `鸡毛掸子与家务分工（${Date.now().toString(36)}）`
  /** The two oldest published lessons of the seeded slice: the first test publishes a new title on one, the second schedules a publish of the other. */
  let lessons: [Json, Json]

  const api = async (base: string, apiPath: string, init: RequestInit & { json?: unknown } = {}): Promise<{ status: number; json: Json }> => {
    const headers: Record<string, string> = { 'accept-language': 'zh', authorization: `JWT ${token}` }
    if (init.json !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(`${base}/api${apiPath}`, {
      ...init,
      headers: { ...headers, ...(init.headers as Record<string, string>) },
      body: init.json === undefined ? init.body : JSON.stringify(init.json),
    })
    const text = await response.text()
    return { status: response.status, json: text ? (JSON.parse(text) as Json) : {} }
  }
  const search = async (base: string, q: string) => {
    const response = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)
    return (await response.json()) as { engine: string; hits: { title: string }[] }
  }

  beforeAll(async () => {
    const target = await testDatabaseTarget()
    const databaseUri = new URL(target.uri as string)
    databaseUri.pathname = `/multi_instance_${Date.now().toString(36)}`
    meili = await testMeilisearch()
    dataDir = mkdtempSync(path.join(tmpdir(), 'gongyu-multi-instance-'))
    deploymentEnv = {
      DATABASE_URI: databaseUri.toString(),
      MEILI_HOST: meili.host,
      MEILI_ADMIN_KEY: meili.apiKey,
      MEILI_INDEX: uniqueIndexUid('multi-instance'),
      GONGYU_INSTANCES: '2',
      GONGYU_EXPORT_ON_CHANGE: '1',
      GONGYU_DISABLE_JOB_RUNNER: '',
    }
    // Rendered while the slice is seeded: only the third test reads them.
    fixtures = makeVideoFixtures()
    // Awaited below (and in afterAll, to remove them); a failure here must not surface as unhandled first.
    fixtures.catch(() => {})
    // A process of the deployment's own, not serving and not running jobs (GONGYU_INSTANCES 1 under
    // NODE_ENV=test): it loads the starter bank as `npm run seed` does, and later queues a scheduled
    // publish as the admin's schedule drawer does through the Local API.
    Object.assign(process.env, { ...deploymentEnv, GONGYU_INSTANCES: '1', GONGYU_DATA_DIR: dataDir })
    const { buildGongyuConfig } = await import('@gongyu/cms/config-builder')
    const { databaseAdapter } = await import('@gongyu/cms/database')
    const { getPayload } = await import('payload')
    observer = await getPayload({
      config: await buildGongyuConfig({ db: databaseAdapter(process.env, mongodbCompatibility(target.server ?? 'mongodb')) }),
      key: dataDir,
    })
    // A slice of the bank: FerretDB scans, and the whole bank takes it about 20 minutes (see docs/deployment.md#sizing).
    const { readStarterContent } = await import('@gongyu/seed/content')
    const { loadStarterContent } = await import('@gongyu/seed/load')
    const { rebuildSearch } = await import('../../cms/src/search/rebuildSearch.ts')
    const seedStarted = Date.now()
    const content = bankSubset(readStarterContent(), FERRETDB_SEED_SLICE)
    await loadStarterContent(observer, { content, videoCacheDir: path.join(dataDir, 'cache', 'sample-videos') })
    seedSeconds = (Date.now() - seedStarted) / 1000
    await rebuildSearch(observer, (line) => seedLog.push(line))
    // npm start finds the database seeded; the second instance and the worker start the same way, all three at once
    // as a deployment's would (a start that fails leaves the others to stopStartedProcesses in afterAll).
    ;[a, b, worker] = await Promise.all([
      startCmsServer({ dataDir, env: deploymentEnv }),
      startCmsServer({ dataDir, env: deploymentEnv }),
      startJobWorker({ dataDir, env: deploymentEnv }),
    ])
    fx = await fixtures
    sampler = setInterval(() => {
      peakRssMb.cms = Math.max(peakRssMb.cms, groupRssMb(a.pid))
      peakRssMb.worker = Math.max(peakRssMb.worker, groupRssMb(worker.pid))
    }, 2000)
    const login = await fetch(`${a.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    token = ((await login.json()) as { token: string }).token
    const { json } = await api(a.url, '/lessons?limit=2&depth=0&sort=createdAt&where[_status][equals]=published')
    lessons = json.docs as [Json, Json]
    console.log(`[multi-instance] two instances and the worker up after ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }, 1_500_000)

  /** The figures in docs/deployment.md#sizing: memory while serving and working, seed and export times. */
  function printSizing(): void {
    if (!a || !worker) return
    const exportLine = seedLog.join('\n').match(/已发布内容已导出：(\d+) 条.*用时 ([\d.]+) 秒/)
    console.log(
      `[multi-instance] sizing: CMS instance RSS ${groupRssMb(a.pid).toFixed(0)} MB now, ${peakRssMb.cms.toFixed(0)} MB peak; ` +
        `worker RSS ${groupRssMb(worker.pid).toFixed(0)} MB now, ${peakRssMb.worker.toFixed(0)} MB peak (ffmpeg included); ` +
        `seed of the slice ${seedSeconds.toFixed(1)} s; export of ${exportLine?.[1]} records ${exportLine?.[2]} s`,
    )
  }

  afterAll(async () => {
    if (sampler) clearInterval(sampler)
    printSizing()
    await observer?.destroy()
    // Also any instance or worker whose start was still waiting when beforeAll failed or timed out.
    await Promise.all([a?.stop(), b?.stop(), worker?.stop(), stopStartedProcesses()])
    await meili?.stop()
    const made = await fixtures?.catch(() => undefined)
    if (made) rmSync(made.dir, { recursive: true, force: true })
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    console.log(`[multi-instance] whole file: ${((Date.now() - started) / 1000).toFixed(0)} s`)
  })

  // The three tests run side by side: each mostly waits for the worker (the default queue runs once a minute, the
  // search and video queues every 10 s), and they touch different documents; one after another they waited in turn.
  it.concurrent(
    'shows on the second instance what is published on the first, and search finds it on both',
    async () => {
      const lesson = lessons[0]
      const title = publishedTitle
      const saved = await api(a.url, `/lessons/${lesson.id}`, { method: 'PATCH', json: { title, _status: 'published' } })
      expect(saved.status).toBe(200)
      const onB = await fetch(`${b.url}/api/lessons/${lesson.id}?depth=0`).then((response) => response.json() as Promise<Json>)
      expect(onB.title).toBe(title)
      // The search sync job runs on the worker (its queue is checked every 10 s); both instances ask Meilisearch.
      for (const base of [a.url, b.url]) {
        const found = await until('the published lesson in search', async () => {
          const result = await search(base, '鸡毛掸子')
          return result.hits.some((hit) => hit.title === title) && result
        })
        expect(found.engine).toBe('meilisearch')
      }
    },
    WAIT_MS,
  )

  it.concurrent(
    'runs a scheduled publish once, on the worker',
    async () => {
      // The second published lesson: the first test changes the first one's title.
      const lesson = lessons[1]
      const draftTitle = `定时发布的多实例课程（${Date.now().toString(36)}）`
      expect((await api(a.url, `/lessons/${lesson.id}?draft=true`, { method: 'PATCH', json: { title: draftTitle } })).status).toBe(200)
      const publishedVersions = () =>
        observer
          .countVersions({ collection: 'lessons', where: { parent: { equals: lesson.id }, 'version._status': { equals: 'published' } } })
          .then((result) => result.totalDocs)
      const before = await publishedVersions()
      const admin = await observer.find({ collection: 'users', where: { email: { equals: ADMIN.email } }, limit: 1, depth: 0, overrideAccess: true })
      await observer.jobs.queue({
        task: 'schedulePublish',
        // Payload's own scheduler stores ids as strings; the generated input type says number.
        input: { type: 'publish', doc: { relationTo: 'lessons', value: String(lesson.id) }, user: { relationTo: 'users', value: admin.docs[0]?.id } } as never,
        waitUntil: new Date(Date.now() + 5000),
      })
      await until('the scheduled publish', async () => {
        const onB = (await fetch(`${b.url}/api/lessons/${lesson.id}?depth=0`).then((response) => response.json())) as Json
        return onB.title === draftTitle
      })
      await until(
        'no scheduled publish left in the queue',
        async () => (await observer.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } } })).totalDocs === 0,
      )
      expect(await publishedVersions()).toBe(before + 1)
      // Only the worker ran jobs: the instances never logged a run.
      expect(worker.output()).toMatch(/Running \d+ jobs/)
      expect(a.output()).not.toMatch(/Running \d+ jobs/)
      expect(b.output()).not.toMatch(/Running \d+ jobs/)
    },
    WAIT_MS,
  )

  it.concurrent('transcodes an upload once, on the worker, into the shared folder both instances read', async () => {
    const form = new FormData()
    form.append('file', new Blob([readFileSync(fx.clip480)], { type: 'video/mp4' }), 'multi-instance.mp4')
    form.append('_payload', JSON.stringify({ title: '多实例转码测试' }))
    const encoded = new Response(form)
    const created = await api(a.url, '/videos', {
      method: 'POST',
      headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
      body: new Uint8Array(await encoded.arrayBuffer()),
    })
    expect(created.status).toBe(201)
    const id = (created.json.doc as Json).id
    const ready = await until(
      'the transcode',
      async () => {
        const { json } = await api(b.url, `/videos/${id}?depth=0`)
        if (json.transcodeStatus === 'failed') throw new Error(`transcode failed: ${String(json.transcodeError)}`)
        return json.transcodeStatus === 'ready' && json
      },
      600_000,
    )
    expect(existsSync(path.join(dataDir, 'hls', String(ready.masterPlaylist)))).toBe(true)
    const done = `视频 ${id} 转码完成`
    expect(countOf(worker.output(), done)).toBe(1)
    expect(countOf(a.output() + b.output(), done)).toBe(0)
    // The export job ran on the worker too: the shared export lists the new title of the first test, which runs
    // beside this one, so it may come with the next export rather than be there already.
    const exportFile = path.join(dataDir, 'published', 'published.json')
    await until("the first test's title in the shared export", async () => existsSync(exportFile) && readFileSync(exportFile, 'utf8').includes(publishedTitle))
    expect(readFileSync(exportFile, 'utf8')).toContain(publishedTitle)
  }, 660_000)
})

describe('refusing a deployment that would be wrong', () => {
  const base = { ...process.env, GONGYU_DATA_DIR: path.join(tmpdir(), 'gongyu-never-created'), MEILI_HOST: '' }

  it('refuses to start several instances without Meilisearch, saying why in Chinese and English', () => {
    const result = spawnSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'start.ts')], {
      env: { ...base, GONGYU_INSTANCES: '2', DATABASE_URI: 'mongodb://127.0.0.1:9/gongyu' },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('需要 Meilisearch')
    expect(result.stderr).toContain('need Meilisearch: set MEILI_HOST')
    expect(existsSync(base.GONGYU_DATA_DIR)).toBe(false)
  })

  it('refuses to start the worker on SQLite without Meilisearch', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'gongyu-worker-refused-'))
    try {
      await expect(startJobWorker({ dataDir: folder, env: { MEILI_HOST: '', DATABASE_URI: '' } })).rejects.toThrow(
        /任务进程（npm run worker）需要共用一个 MongoDB[\s\S]*MEILI_HOST/,
      )
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
