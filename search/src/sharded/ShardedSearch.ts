import { matchesFilters } from '../engine/facets.ts'
import { facetFields, facetNames, type SearchDocument, type SearchHit, type SearchResponse } from '../engine/searchResponse.ts'
import { mentionBoost, STRAGGLER_SHARE } from '../embedded/ranking.ts'
import { fieldBoosts } from '../embedded/fieldBoosts.ts'
import { SPELLINGS_PER_CHUNK } from '../embedded/spellingIndex.ts'
import { planQuery, type QueryPlan } from '../embedded/planQuery.ts'
import { highlight, snippet } from '../query/highlight.ts'
import { isForNamedGrade } from '../query/namedGrades.ts'
import type { SearchQuery } from '../query/searchQuery.ts'
import { textConversionReady } from '../text/normalize.ts'
import { PinyinLookup } from '../text/pinyinTable.ts'
import { synonymGroups } from '../text/synonyms.ts'
import { SearchPartError } from './SearchPartError.ts'
import { ShardSpellings, type LoadedShard } from './ShardSpellings.ts'
import {
  bucketLayout,
  metaFields,
  PARTS_FOLDER_PATTERN,
  partNames,
  SHARDED_INDEX_VERSION,
  ShardRouter,
  type BucketLayout,
  type DocumentBucket,
  type FieldPostings,
  type ShardedManifest,
  type TermShard,
} from './shardedFormat.ts'

/** Loads one part of the index by name (a script in the browser, a file in Node); rejects with SearchPartError. */
export type PartLoader = (name: string) => Promise<unknown>

/** A search answer, with what went wrong on the way (a part that did not load), in Chinese for the page. */
export interface ShardedResponse extends SearchResponse {
  notices: string[]
}

// MiniSearch's defaults (minisearch 7.2, `defaultSearchOptions`), so scores equal the whole index's.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 }
const PREFIX_WEIGHT = 0.375

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The manifest's accepted synonyms: absent, or lists of words (as buildShardedIndex writes them). */
const isSynonymList = (value: unknown): boolean =>
  value === undefined || (Array.isArray(value) && value.every((group) => Array.isArray(group) && group.every((word) => typeof word === 'string')))

function checkedShard(data: unknown, name: string, build: string, number: number, router: ShardRouter, lookup: PinyinLookup): LoadedShard {
  if (!isObject(data) || !isObject(data.terms) || !Array.isArray(data.known) || !Array.isArray(data.spelled)) throw new SearchPartError('corrupt', name)
  if (data.build !== build) throw new SearchPartError('stale', name)
  const shard = data as unknown as TermShard
  const loaded: LoadedShard = { postings: new Map(), known: new Set(shard.known), documentCounts: new Map(), spellings: new Map() }
  for (const [term, entry] of Object.entries(shard.terms)) {
    if (!Array.isArray(entry)) throw new SearchPartError('corrupt', name)
    const [count, ...postings] = entry
    if (count > 0) {
      loaded.documentCounts.set(term, count)
      loaded.known.add(term)
    }
    if (postings.length > 0) loaded.postings.set(term, postings)
  }
  // Spelled again as the build spelled them (SpellingMap), keeping the bank's order within each spelling.
  for (const word of shard.spelled) {
    for (const spelling of lookup.spellingsOf(word, SPELLINGS_PER_CHUNK)) {
      if (router.shardOf(spelling) !== number) continue
      const words = loaded.spellings.get(spelling)
      if (words) words.push(word)
      else loaded.spellings.set(spelling, [word])
    }
  }
  return loaded
}

function checkedBucket(data: unknown, name: string, build: string): SearchDocument[] {
  if (!isObject(data) || !Array.isArray(data.documents)) throw new SearchPartError('corrupt', name)
  if (data.build !== build) throw new SearchPartError('stale', name)
  return (data as unknown as DocumentBucket).documents
}

const NO_DOCUMENT = { type: '', stages: [], grades: [], themes: [], audience: [], category: null, familySituations: [] } as unknown as SearchDocument
const EMPTY_SHARD: LoadedShard = { postings: new Map(), known: new Set(), documentCounts: new Map(), spellings: new Map() }

/**
 * The browser's search over the sharded index (sharded/buildShardedIndex.ts):
 * it opens with the manifest, then each query loads the term shards its
 * plan touches and the display buckets of the results it shows. It ranks
 * as the embedded engine does over the whole index (the same plan, BM25
 * scores, boosts and sort). A part that fails to load is left out of that
 * answer with a notice; the next query tries it again.
 */
export class ShardedSearch {
  private readonly manifest: ShardedManifest
  private readonly load: PartLoader
  private readonly lookup: PinyinLookup
  /** Per document: the fields filters, facets and boosts read, from the manifest's codes. */
  private readonly metaDocuments: SearchDocument[]
  private readonly shards = new Map<number, Promise<LoadedShard>>()
  private readonly buckets = new Map<number, Promise<SearchDocument[]>>()
  private readonly layout: BucketLayout
  private readonly fieldBoostByIndex: number[]
  /** The built-in synonym groups and those editors accepted, which the manifest carries: what the CMS's engines expand with. */
  private readonly synonyms: readonly (readonly string[])[]
  private readonly router: ShardRouter

  private constructor(manifest: ShardedManifest, load: PartLoader) {
    this.manifest = manifest
    this.load = load
    this.lookup = new PinyinLookup(manifest.pinyinTable)
    const { values, columns } = manifest.meta
    this.metaDocuments = Array.from({ length: manifest.documentCount }, (_, number) => {
      const document: Record<string, unknown> = {}
      for (const field of metaFields) {
        const code = columns[field][number]
        document[field] = Array.isArray(code) ? code.map((entry) => values[field][entry]) : code === -1 || code === undefined ? null : values[field][code]
      }
      return document as unknown as SearchDocument
    })
    this.layout = bucketLayout(columns.themes, manifest.bucketSize)
    this.fieldBoostByIndex = manifest.fields.map((field) => fieldBoosts[field as keyof typeof fieldBoosts] ?? 1)
    this.synonyms = [...synonymGroups, ...(manifest.synonyms ?? [])]
    this.router = new ShardRouter(manifest.shardCount, this.synonyms)
  }

  /** A document's filter and facet fields (an empty document for a number the manifest lacks, which only a corrupt shard could name). */
  private meta(number: number): SearchDocument {
    return this.metaDocuments[number] ?? NO_DOCUMENT
  }

  /** Opens the index: loads and checks its manifest. */
  static async open(load: PartLoader): Promise<ShardedSearch> {
    const manifest = await load(partNames.manifest)
    if (
      !isObject(manifest) ||
      manifest.format !== 'gongyu-sharded-search' ||
      !isObject(manifest.meta) ||
      !isObject(manifest.pinyinTable) ||
      !isSynonymList(manifest.synonyms)
    ) {
      throw new SearchPartError('corrupt', partNames.manifest)
    }
    if (manifest.version !== SHARDED_INDEX_VERSION) throw new Error(`搜索索引格式不对（需要第 ${SHARDED_INDEX_VERSION} 版），请重新构建网站。`)
    // The manifest names the folder parts load from: only a content-named folder beside it, never another path.
    if (
      typeof manifest.parts !== 'string' ||
      !PARTS_FOLDER_PATTERN.test(manifest.parts) ||
      !Number.isInteger(manifest.bucketSize) ||
      Number(manifest.bucketSize) < 1
    ) {
      throw new SearchPartError('corrupt', partNames.manifest)
    }
    return new ShardedSearch(manifest as unknown as ShardedManifest, load)
  }

  /** Loads a shard once; a failed load is forgotten so the next query tries again. */
  private shard(number: number): Promise<LoadedShard> {
    let pending = this.shards.get(number)
    if (!pending) {
      const name = partNames.shard(this.manifest.parts, number)
      pending = this.load(name).then((data) => checkedShard(data, name, this.manifest.build, number, this.router, this.lookup))
      pending.catch(() => this.shards.delete(number))
      this.shards.set(number, pending)
    }
    return pending
  }

  private bucket(number: number): Promise<SearchDocument[]> {
    let pending = this.buckets.get(number)
    if (!pending) {
      const name = partNames.bucket(this.manifest.parts, number)
      pending = this.load(name).then((data) => checkedBucket(data, name, this.manifest.build))
      pending.catch(() => this.buckets.delete(number))
      this.buckets.set(number, pending)
    }
    return pending
  }

  /**
   * Plans a query against the shards loaded so far, loads the shards the
   * plan asked about, and plans again until nothing new is asked (a
   * homophone correction or a synonym can name words in other shards).
   */
  private async plan(text: string, notices: Set<string>): Promise<{ plan: QueryPlan; loaded: Map<number, LoadedShard> }> {
    const loaded = new Map<number, LoadedShard>()
    for (;;) {
      const spellings = new ShardSpellings(this.manifest, this.router, loaded)
      const plan = planQuery(text, spellings, this.lookup, this.synonyms)
      for (const term of plan.terms) spellings.shardFor(term)
      const wanted = [...spellings.wanted].filter((number) => !loaded.has(number))
      if (wanted.length === 0) return { plan, loaded }
      const shards = await Promise.allSettled(wanted.map((number) => this.shard(number)))
      for (const [at, number] of wanted.entries()) {
        const outcome = shards[at]
        if (outcome?.status === 'rejected') notices.add(messageOf(outcome.reason))
        loaded.set(number, outcome?.status === 'fulfilled' ? outcome.value : EMPTY_SHARD)
      }
    }
  }

  /** Per document, how much the plan's named grade, stage or type lifts it (MiniSearch's boostDocument); null when nothing is named. */
  private boostsFor(plan: QueryPlan): Float64Array | null {
    if (plan.grades.length === 0 && plan.stages.length === 0 && plan.types.length === 0) return null
    return Float64Array.from(this.metaDocuments, (document) => mentionBoost(document, plan))
  }

  /** Adds one posting list's weighted BM25 scores into `into`, noting new documents in `touched` (as MiniSearch's termResults does). */
  private addPostings(postings: FieldPostings[], weight: number, boost: number, boosts: Float64Array | null, into: Float64Array, touched: number[]): void {
    const { averageFieldLength, documentCount } = this.manifest
    for (const [field, gaps, counts, lengths] of postings) {
      const fieldBoost = this.fieldBoostByIndex[field] ?? 1
      const average = averageFieldLength[field] ?? 1
      const matching = gaps.length
      // The same expression as MiniSearch's calcBM25Score, with the inverse frequency worked out once per list.
      const inverseFrequency = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5))
      let number = 0
      for (let at = 0; at < matching; at += 1) {
        number += gaps[at] ?? 0
        const count = counts[at] ?? 1
        const length = lengths[at] ?? average
        const raw = inverseFrequency * (BM25.d + (count * (BM25.k + 1)) / (count + BM25.k * (1 - BM25.b + (BM25.b * length) / average)))
        const score = weight * boost * fieldBoost * (boosts?.[number] ?? 1) * raw
        if (into[number] === 0) touched.push(number)
        into[number] = (into[number] ?? 0) + score
      }
    }
  }

  /** Scores every document the plan's terms match; returns the matched documents and their scores. */
  private score(plan: QueryPlan, loaded: Map<number, LoadedShard>): { matched: number[]; scores: Float64Array } {
    const count = this.manifest.documentCount
    const totals = new Float64Array(count)
    const matchedTerms = new Uint16Array(count)
    const found = new Float64Array(count)
    const matched: number[] = []
    const boosts = this.boostsFor(plan)
    for (const term of plan.terms) {
      const shard = loaded.get(this.router.shardOf(term)) ?? EMPTY_SHARD
      const boost = plan.weights.get(term) ?? 1
      const touched: number[] = []
      const exact = shard.postings.get(term)
      if (exact) this.addPostings(exact, 1, boost, boosts, found, touched)
      if (plan.prefixTerms.has(term)) {
        for (const [longer, postings] of shard.postings) {
          if (longer.length <= term.length || !longer.startsWith(term)) continue
          const weight = (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * (longer.length - term.length))
          this.addPostings(postings, weight, boost, boosts, found, touched)
        }
      }
      for (const number of touched) {
        if (matchedTerms[number] === 0) matched.push(number)
        totals[number] = (totals[number] ?? 0) + (found[number] ?? 0)
        matchedTerms[number] = (matchedTerms[number] ?? 0) + 1
        found[number] = 0
      }
    }
    // MiniSearch multiplies a score by how many query terms a document matched.
    for (const number of matched) totals[number] = (totals[number] ?? 0) * (matchedTerms[number] ?? 1)
    return { matched, scores: totals }
  }

  /** Facet counts of the results, as countFacets gives them (values in the order the results first show them), from the manifest's codes. */
  private facetsOf(numbers: number[]): SearchResponse['facets'] {
    const { values, columns } = this.manifest.meta
    const facets = {} as SearchResponse['facets']
    for (const facet of facetNames) {
      const field = facetFields[facet]
      const column = columns[field]
      const counts = new Uint32Array(values[field].length)
      const order: number[] = []
      for (const number of numbers) {
        const code = column[number]
        for (const each of Array.isArray(code) ? code : code === undefined || code === -1 ? [] : [code]) {
          if (counts[each] === 0) order.push(each)
          counts[each] = (counts[each] ?? 0) + 1
        }
      }
      facets[facet] = Object.fromEntries(order.map((code) => [values[field][code] ?? '', counts[code] ?? 0]))
    }
    return facets
  }

  /** Answers a query (already parsed and checked). */
  async search(query: SearchQuery): Promise<ShardedResponse> {
    const notices = new Set<string>()
    const passes = (number: number) => matchesFilters(this.meta(number), query.filters)
    let numbers: number[]
    let scores: Float64Array = new Float64Array(0)
    let highlightTerms: string[] = []
    let grades: QueryPlan['grades'] = []
    if (query.text === '') {
      numbers = this.metaDocuments.map((_, number) => number).filter(passes)
    } else {
      // A query of everyday characters plans at once; one with others (Traditional) waits for the whole conversion tables.
      await textConversionReady([query.text])
      const { plan, loaded } = await this.plan(query.text, notices)
      highlightTerms = plan.highlightTerms
      grades = plan.grades
      const scored = this.score(plan, loaded)
      scores = scored.scores
      const matched = scored.matched.filter(passes)
      let best = 0
      for (const number of matched) best = Math.max(best, scores[number] ?? 0)
      numbers = matched.filter((number) => (scores[number] ?? 0) >= best * STRAGGLER_SHARE)
    }
    this.sort(numbers, query.sort, scores, grades)
    const start = (query.page - 1) * query.pageSize
    const hits = await this.hitsOf(numbers.slice(start, start + query.pageSize), highlightTerms, notices)
    return {
      engine: 'embedded',
      query,
      total: numbers.length,
      page: query.page,
      pageSize: query.pageSize,
      totalPages: Math.ceil(numbers.length / query.pageSize),
      hits,
      facets: this.facetsOf(numbers),
      notices: [...notices],
    }
  }

  /** The embedded engine's order; documents are numbered in teaching order, its last tie-break. */
  private sort(numbers: number[], sort: SearchQuery['sort'], scores: Float64Array, named: QueryPlan['grades']): void {
    const { publishedRank } = this.manifest.meta
    if (sort === 'grade') numbers.sort((a, b) => a - b)
    else if (sort === 'newest') numbers.sort((a, b) => (publishedRank[b] ?? 0) - (publishedRank[a] ?? 0) || a - b)
    else {
      const namedFirst = new Set(named.length > 0 ? numbers.filter((number) => isForNamedGrade(this.meta(number), named)) : [])
      numbers.sort((a, b) => Number(namedFirst.has(b)) - Number(namedFirst.has(a)) || (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
    }
  }

  private async hitsOf(numbers: number[], terms: string[], notices: Set<string>): Promise<SearchHit[]> {
    const { bucketOf, placeOf } = this.layout
    const wanted = [...new Set(numbers.map((number) => bucketOf[number] ?? -1))]
    const loaded = new Map<number, SearchDocument[]>()
    const outcomes = await Promise.allSettled(wanted.map((bucket) => this.bucket(bucket)))
    for (const [at, bucket] of wanted.entries()) {
      const outcome = outcomes[at]
      if (outcome?.status === 'fulfilled') loaded.set(bucket, outcome.value)
      else if (outcome) notices.add(messageOf(outcome.reason))
    }
    const shown = numbers.flatMap((number) => {
      const document = loaded.get(bucketOf[number] ?? -1)?.[placeOf[number] ?? -1]
      return document ? [document] : []
    })
    // Highlighting reads the shown text in Simplified: the Traditional copy's titles wait for the whole conversion tables.
    await textConversionReady(shown.flatMap((document) => [document.title, document.summary]))
    // The browser index has no bodies, so the snippet comes from the summary (as EmbeddedSearch's hitOf does without one).
    return shown.map((document) => ({ ...document, titleHtml: highlight(document.title, terms), snippetHtml: snippet(document.summary, terms) }))
  }
}

function messageOf(reason: unknown): string {
  return reason instanceof SearchPartError
    ? reason.message
    : `搜索索引的一部分没能加载（${(reason as Error)?.message ?? reason}），这次的结果可能不全。请刷新页面再试。`
}
