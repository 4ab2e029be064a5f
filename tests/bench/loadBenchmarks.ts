import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { grades } from '@gongyu/contract'
import { startCmsServer } from '../helpers/cmsServer.ts'
import { copyOfBankDatabase } from './starterBank.ts'

const run = promisify(execFile)
const rotatePaths = fileURLToPath(new URL('./wrk/rotatePaths.lua', import.meta.url))
const relevanceFile = fileURLToPath(new URL('../../search/relevance/queries.json', import.meta.url))

/** The load the issue asks for: 4 connections for 20 s, on loopback only. */
const CONNECTIONS = 4
const SECONDS = 20

interface WrkFigures {
  requests: number
  durationUs: number
  bytes: number
  errors: { connect: number; read: number; write: number; status: number; timeout: number }
  p50Us: number
  p90Us: number
  p99Us: number
  maxUs: number
}

/** Runs wrk against one loopback server, cycling through the paths, and returns its figures. */
async function runWrk(baseUrl: string, paths: string[]): Promise<Record<string, unknown>> {
  const url = new URL(baseUrl)
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`load tests run against loopback only, not ${url.hostname}`)
  const { stdout } = await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '10s', '-s', rotatePaths, baseUrl, '--', ...paths], {
    timeout: (SECONDS + 30) * 1000,
    maxBuffer: 1 << 20,
  })
  const line = stdout.split('\n').find((text) => text.startsWith('WRK_JSON '))
  if (!line) throw new Error(`wrk printed no figures:\n${stdout}`)
  const figures = JSON.parse(line.slice('WRK_JSON '.length)) as WrkFigures
  const seconds = figures.durationUs / 1e6
  const errors = Object.values(figures.errors).reduce((sum, count) => sum + count, 0)
  return {
    connections: CONNECTIONS,
    seconds: Math.round(seconds * 10) / 10,
    requests: figures.requests,
    requestsPerSecond: Math.round(figures.requests / seconds),
    p50Ms: figures.p50Us / 1000,
    p90Ms: figures.p90Us / 1000,
    p99Ms: figures.p99Us / 1000,
    maxMs: figures.maxUs / 1000,
    errors,
    errorKinds: figures.errors,
    kilobytesPerRequest: Math.round(figures.bytes / Math.max(1, figures.requests) / 102.4) / 10,
  }
}

function gradeLessonPaths(): string[] {
  return grades.map((grade) => `/api/lessons?where[grade][equals]=${grade.code}&sort=sequence&limit=20&depth=0`)
}

/** The same lessons with only what a grade's list shows (no bodies), as a list page or widget would ask. */
function gradeLessonListPaths(): string[] {
  const fields = ['title', 'slug', 'summary', 'sequence', 'grade', 'durationMinutes'].map((name) => `select[${name}]=true`).join('&')
  return gradeLessonPaths().map((path) => `${path}&${fields}`)
}

function searchPaths(): string[] {
  const { queries } = JSON.parse(readFileSync(relevanceFile, 'utf8')) as { queries: { query: string }[] }
  return queries.slice(0, 50).map((entry) => `/api/search?q=${encodeURIComponent(entry.query)}`)
}

/**
 * Load on the production CMS as `npm start` serves it (starter bank seeded):
 * a grade's 20 lessons through REST (whole documents, and only the list
 * fields), and `/api/search` with judged parent
 * queries, each for 20 s at 4 connections with wrk on loopback.
 */
export async function loadBenchmarks(): Promise<Record<string, unknown>> {
  const wrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' })
  if (wrk.error) return { skipped: `wrk unavailable (Debian: apt-get install wrk): ${wrk.error.message}` }
  // `npm start` on a copy of the run's seeded bank: its seed step finds the database full and skips.
  const folder = mkdtempSync(path.join(tmpdir(), 'gongyu-load-bench-'))
  process.env.DATABASE_URI = `file:${copyOfBankDatabase(folder)}`
  const startStarted = performance.now()
  const cms = await startCmsServer()
  const startSeconds = Math.round((performance.now() - startStarted) / 100) / 10
  try {
    const base = cms.url.replace('localhost', '127.0.0.1')
    // Warm the routes (compiled handlers, the embedded search index) before measuring.
    for (const path of [...gradeLessonPaths(), ...searchPaths().slice(0, 5)]) {
      const response = await fetch(`${base}${path}`)
      if (!response.ok) throw new Error(`${path} answered ${response.status} before the load test`)
      await response.arrayBuffer()
    }
    const gradeLessons = await runWrk(base, gradeLessonPaths())
    const gradeLessonList = await runWrk(base, gradeLessonListPaths())
    const search = await runWrk(base, searchPaths())
    return {
      server: 'npm start (production build), SQLite, starter bank',
      startSeconds,
      startNote: 'from launch to the admin answering, including `next build` when no current production build exists (cms/.next)',
      gradeLessonsRest: gradeLessons,
      gradeLessonListRest: gradeLessonList,
      search,
      targets: { gradeLessonsRequestsPerSecond: 200, searchRequestsPerSecond: 300, errors: 0 },
    }
  } finally {
    await cms.stop()
    rmSync(folder, { recursive: true, force: true })
  }
}
