import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { PublicRecord, PublishedContent } from '@gongyu/contract'
import { evaluateRelevance, parseSearchQuery, type RelevanceReport, type SearchEngine } from '@gongyu/search'
import { buildEmbeddedSearch, EmbeddedSearch, type StaticIndexData } from '@gongyu/search/server'
import { readJudgedQueries } from '../../search/src/relevance/judgedQueries.ts'
import { MeiliSearchEngine } from '@gongyu/search/server'
import { testMeilisearch, uniqueIndexUid } from '../helpers/meilisearch.ts'
import { meilisearchExecutable } from '../setup/machineCapabilities.ts'
import { browserSearchBenchmarks } from './browserSearchBenchmarks.ts'
import { naiveBaseline } from './naiveBaseline.ts'
import { starterBank } from './starterBank.ts'
import { syntheticRecords } from './syntheticRecords.ts'

const SYNTHETIC_SIZE = 10_000
const LATENCY_QUERIES = 100

function milliseconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6
}

function percentile(sorted: number[], share: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]! * 1000) / 1000
}

async function latency(engine: SearchEngine, queries: string[]) {
  for (const q of queries.slice(0, 10)) await engine.search(parseSearchQuery({ q }))
  const times: number[] = []
  for (const q of queries) {
    const started = process.hrtime.bigint()
    await engine.search(parseSearchQuery({ q }))
    times.push(milliseconds(started))
  }
  times.sort((a, b) => a - b)
  return { queries: queries.length, p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95) }
}

function relevanceFigures(report: RelevanceReport) {
  return {
    recallAt5: report.recallAt5,
    mrr: report.mrr,
    byKind: report.byKind,
    misses: report.misses.map((miss) => ({ query: miss.query, kind: miss.kind, firstRelevantRank: miss.firstRelevantRank })),
  }
}

async function engineFigures(records: PublicRecord[], judged: ReturnType<typeof readJudgedQueries>, withRelevance: boolean) {
  let started = process.hrtime.bigint()
  const cmsEngine = buildEmbeddedSearch(records)
  const cmsBuildMs = milliseconds(started)
  started = process.hrtime.bigint()
  const staticJson = JSON.stringify(buildEmbeddedSearch(records, { withBody: false }).toStaticIndex())
  const staticBuildMs = milliseconds(started)
  started = process.hrtime.bigint()
  const browserEngine = EmbeddedSearch.load(JSON.parse(staticJson) as StaticIndexData)
  const staticLoadMs = milliseconds(started)
  const queries = judged.map((entry) => entry.query).slice(0, LATENCY_QUERIES)
  return {
    records: records.length,
    buildMs: { cmsWithBodies: Math.round(cmsBuildMs), staticIndex: Math.round(staticBuildMs), staticIndexLoad: Math.round(staticLoadMs) },
    staticIndexBytes: { raw: Buffer.byteLength(staticJson), gzip: gzipSync(staticJson).length },
    latencyCms: await latency(cmsEngine, queries),
    latencyStatic: await latency(browserEngine, queries),
    ...(withRelevance
      ? {
          relevanceCms: relevanceFigures(await evaluateRelevance(cmsEngine, judged)),
          relevanceStatic: relevanceFigures(await evaluateRelevance(browserEngine, judged)),
        }
      : {}),
  }
}

/**
 * Both engines side by side on the same records: indexing time, query p50/p95
 * and relevance. Meilisearch is the server MEILI_HOST names, or the test
 * binary (MEILI_BIN, ../shared/bin/meilisearch) started for the run; without
 * either its column says why it is missing.
 */
async function enginesSideBySide(records: PublicRecord[], judged: ReturnType<typeof readJudgedQueries>) {
  let started = process.hrtime.bigint()
  const embedded = buildEmbeddedSearch(records)
  const embeddedIndexMs = milliseconds(started)
  const queries = judged.map((entry) => entry.query)
  const embeddedColumn = {
    indexMs: Math.round(embeddedIndexMs),
    latency: await latency(embedded, queries),
    relevance: relevanceFigures(await evaluateRelevance(embedded, judged)),
  }
  if (!process.env.MEILI_HOST && !meilisearchExecutable()) {
    return {
      records: records.length,
      embedded: embeddedColumn,
      meilisearch: { missing: 'no MEILI_HOST and no Meilisearch binary (MEILI_BIN, ../shared/bin/meilisearch)' },
    }
  }
  const server = await testMeilisearch()
  try {
    const engine = new MeiliSearchEngine({ host: server.host, apiKey: server.apiKey, indexUid: uniqueIndexUid('bench') })
    started = process.hrtime.bigint()
    await engine.replaceAll(records)
    const meiliIndexMs = milliseconds(started)
    const meilisearch = {
      server: server.owned ? 'test binary, one indexing thread, loopback' : 'MEILI_HOST',
      indexMs: Math.round(meiliIndexMs),
      latency: await latency(engine, queries),
      relevance: relevanceFigures(await evaluateRelevance(engine, judged)),
    }
    if (!server.owned) await engine.client.deleteIndex(engine.indexUid).waitTask({ timeout: 30_000 })
    return { records: records.length, embedded: embeddedColumn, meilisearch }
  } finally {
    await server.stop()
  }
}

/** Search figures for `npm run bench`: build time, index bytes, latency at two sizes, relevance against a naive baseline. */
export async function searchBenchmarks(): Promise<Record<string, unknown>> {
  // The records as the CMS exported them: what its search and the site's static index are built from.
  const exportFile = path.join(starterBank().exportDir, 'published.json')
  const { records } = JSON.parse(readFileSync(exportFile, 'utf8')) as PublishedContent
  const judged = readJudgedQueries()
  const starter = await engineFigures(records, judged, true)
  const engines = await enginesSideBySide(records, judged)
  const baselineReport = await evaluateRelevance(naiveBaseline(records), judged)
  const baseline = {
    engine: 'MiniSearch, default tokenizer, no Chinese processing',
    ...relevanceFigures(baselineReport),
    latency: await latency(naiveBaseline(records), judged.map((entry) => entry.query).slice(0, LATENCY_QUERIES)),
  }
  const scaled = await engineFigures(syntheticRecords(records, SYNTHETIC_SIZE), judged, false)
  const ratio = (value: number) => (baselineReport.recallAt5 > 0 ? Math.round((value / baselineReport.recallAt5) * 100) / 100 : null)
  return {
    judgedQueries: judged.length,
    engines,
    starter,
    synthetic10k: { synthetic: true, ...scaled },
    // The browser's index in parts, in Chromium, beside Pagefind (issue 15).
    browserIndex: await browserSearchBenchmarks(records),
    naiveBaseline: { ...baseline, misses: baseline.misses.length },
    recallGainOverBaseline: { cms: ratio(starter.relevanceCms?.recallAt5 ?? 0), static: ratio(starter.relevanceStatic?.recallAt5 ?? 0) },
    targets: { p95MsAtStarter: 5, staticIndexGzipBytes: 500 * 1024, recallAt5: 0.9 },
  }
}
