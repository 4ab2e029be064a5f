import type { Meilisearch } from 'meilisearch'
import { planQuery } from '../embedded/planQuery.ts'
import { SpellingMap } from '../embedded/spellingIndex.ts'
import type { SearchDocument } from '../engine/searchResponse.ts'
import { buildPinyinTable } from '../text/buildPinyinTable.ts'
import { PinyinLookup } from '../text/pinyinTable.ts'
import type { QueryPlanner } from './searchMeili.ts'

type VocabularyFields = Pick<SearchDocument, 'title' | 'summary' | 'themeNames'>

const PAGE = 1000
/** How long a planner is reused before the bank's words are read again (another process may have published). */
const FRESH_FOR_MS = 5 * 60_000

let pinyinLookup: PinyinLookup | undefined
const planners = new Map<string, { planner: Promise<QueryPlanner>; loadedAt: number }>()

async function readVocabulary(client: Meilisearch, indexUid: string): Promise<QueryPlanner> {
  const documents: VocabularyFields[] = []
  for (let offset = 0; ; offset += PAGE) {
    const { results, total } = await client.index<VocabularyFields>(indexUid).getDocuments({ fields: ['title', 'summary', 'themeNames'], limit: PAGE, offset })
    documents.push(...results)
    if (offset + PAGE >= total) break
  }
  // The table of everyday characters is the same for every index: built once per process (pinyin-pro, server only).
  pinyinLookup ??= new PinyinLookup(buildPinyinTable())
  const lookup = pinyinLookup
  const spellings = new SpellingMap(lookup)
  for (const document of documents) spellings.addDocument(document)
  return (text) => planQuery(text, spellings, lookup)
}

/**
 * The query planner for a Meilisearch index: the same plan as the embedded
 * engine, knowing the bank's words (read from the index's titles, summaries
 * and theme names, and kept for a few minutes), so typos and typed pinyin are
 * understood the same way by both engines. Server only.
 */
export function meiliPlanner(client: Meilisearch, indexUid: string): Promise<QueryPlanner> {
  const key = `${client.config.host} ${indexUid}`
  const cached = planners.get(key)
  if (cached && Date.now() - cached.loadedAt < FRESH_FOR_MS) return cached.planner
  const planner = readVocabulary(client, indexUid)
  planners.set(key, { planner, loadedAt: Date.now() })
  // A failed read is not kept, so the next search tries again.
  planner.catch(() => planners.delete(key))
  return planner
}

/** Forgets the planner of an index after this process changed it. */
export function forgetMeiliPlanner(client: Meilisearch, indexUid: string): void {
  planners.delete(`${client.config.host} ${indexUid}`)
}
