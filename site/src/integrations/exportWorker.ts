// The worker of gongyuIntegration: writes what the site builds from the export alone, into the staging folder,
// while Astro renders the pages: the sharded search index (built once; Simplified and Traditional copies) and the widget feeds.
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { writeShardedIndexes } from '@gongyu/search/server'
import { readPublishedContent } from '../content/publishedLoader.ts'
import { writeFeeds } from './feeds.ts'
import { TRADITIONAL_PREFIX, traditionalConverter } from './traditional.ts'

/** What the worker reports back. */
export interface ExportWorkReport {
  records: number
  /** Gzip bytes of the Simplified search index, all its parts. */
  indexGzipBytes: number
  indexMs: number
  feeds: number
  feedsMs: number
}

const { stagingDir } = workerData as { stagingDir: string }
const started = performance.now()
const content = readPublishedContent()
const convert = traditionalConverter()
// Matching is the same for both copies of the index; only the shown text (titles, summaries, theme names) is converted.
const [simplified] = writeShardedIndexes(
  content.records,
  [{ directory: stagingDir }, { directory: path.join(stagingDir, TRADITIONAL_PREFIX), displayText: convert }],
  // Synonyms editors accepted (issue 17), checked with the rest of the export: the static site's search expands with them too.
  { synonyms: content.synonyms },
)
const indexed = performance.now()
const { feeds } = writeFeeds(stagingDir, content, convert)
const report: ExportWorkReport = {
  records: content.records.length,
  indexGzipBytes: simplified?.gzipBytes ?? 0,
  indexMs: Math.round(indexed - started),
  feeds,
  feedsMs: Math.round(performance.now() - indexed),
}
parentPort?.postMessage(report)
