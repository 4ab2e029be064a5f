import type { SpellingIndex } from '../embedded/planQuery.ts'
import type { FieldPostings, ShardedManifest, ShardRouter } from './shardedFormat.ts'

/** A term shard as the engine keeps it in memory. */
export interface LoadedShard {
  postings: Map<string, FieldPostings[]>
  known: Set<string>
  documentCounts: Map<string, number>
  spellings: Map<string, string[]>
}

/**
 * The planner's word lists (planQuery's SpellingIndex) over the shards
 * loaded so far. Every question it is asked records the shard that holds
 * the answer, so the engine can load those shards and plan again.
 */
export class ShardSpellings implements SpellingIndex {
  readonly wanted = new Set<number>()
  readonly longestSpelling: number
  private readonly manifest: ShardedManifest
  private readonly router: ShardRouter
  private readonly loaded: ReadonlyMap<number, LoadedShard>

  constructor(manifest: ShardedManifest, router: ShardRouter, loaded: ReadonlyMap<number, LoadedShard>) {
    this.manifest = manifest
    this.router = router
    this.loaded = loaded
    this.longestSpelling = manifest.longestSpelling
  }

  /** The loaded shard holding a key, noting it as wanted when it is not loaded yet. */
  shardFor(key: string): LoadedShard | undefined {
    const number = this.router.shardOf(key)
    const shard = this.loaded.get(number)
    if (!shard) this.wanted.add(number)
    return shard
  }

  bigramsOf(spelling: string): string[] {
    return this.shardFor(spelling)?.spellings.get(spelling) ?? []
  }

  /**
   * A chunk whose shard is not loaded yet counts as known, so the first plan
   * does not look up homophone corrections (a shard each) for every chunk of
   * the query. The engine plans again until every shard it asked about is
   * loaded, so the last plan gets the true answer, as the whole index would.
   */
  isKnown(bigram: string): boolean {
    return this.shardFor(bigram)?.known.has(bigram) ?? true
  }

  documentShare(chunk: string): number {
    const documents = this.manifest.spellingDocuments
    return documents === 0 ? 0 : (this.shardFor(chunk)?.documentCounts.get(chunk) ?? 0) / documents
  }
}
