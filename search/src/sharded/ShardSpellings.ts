import type { SpellingIndex } from '../embedded/planQuery.ts'
import { shardOf, type FieldPostings, type ShardedManifest } from './shardedFormat.ts'

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
  private readonly loaded: ReadonlyMap<number, LoadedShard>

  constructor(manifest: ShardedManifest, loaded: ReadonlyMap<number, LoadedShard>) {
    this.manifest = manifest
    this.loaded = loaded
    this.longestSpelling = manifest.longestSpelling
  }

  /** The loaded shard holding a key, noting it as wanted when it is not loaded yet. */
  shardFor(key: string): LoadedShard | undefined {
    const number = shardOf(key, this.manifest.shardCount)
    const shard = this.loaded.get(number)
    if (!shard) this.wanted.add(number)
    return shard
  }

  bigramsOf(spelling: string): string[] {
    return this.shardFor(spelling)?.spellings.get(spelling) ?? []
  }

  isKnown(bigram: string): boolean {
    return this.shardFor(bigram)?.known.has(bigram) ?? false
  }

  documentShare(chunk: string): number {
    const documents = this.manifest.spellingDocuments
    return documents === 0 ? 0 : (this.shardFor(chunk)?.documentCounts.get(chunk) ?? 0) / documents
  }
}
