import { normalizeText } from '@gongyu/search/text'
import type { Payload } from 'payload'
import { publicCollections, type PublicCollection } from '../contentTypes'

/** A content task's link to a record, as Payload stores a polymorphic relationship. */
export interface LinkedRecord {
  relationTo: string
  value: unknown
}

// Words every title has; offered as a synonym they would match everything.
const COMMON_WORDS = new Set([
  '孩子',
  '家长',
  '父母',
  '怎么办',
  '如何',
  '怎样',
  '怎么',
  '什么',
  '为什么',
  '我们',
  '一起',
  '学会',
  '帮助',
  '做好',
  '应该',
  '可以',
])
const MAX_OFFERED = 12

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

function idOf(value: unknown): string | number | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: string | number }).id
  return undefined
}

/** The words of some titles worth offering as synonyms of a query: two characters or more, not common, not already in the query. */
export function wordsWorthOffering(titles: readonly string[], query: string): string[] {
  const words = new Set<string>()
  for (const title of titles) {
    for (const segment of segmenter.segment(normalizeText(title))) {
      const word = segment.segment
      if (!segment.isWordLike || [...word].length < 2 || COMMON_WORDS.has(word) || query.includes(word)) continue
      words.add(word)
    }
  }
  return [...words].slice(0, MAX_OFFERED)
}

/**
 * The words of the linked records that are published, read as an anonymous
 * visitor (so a draft offers nothing): what a content task offers as
 * synonyms of its query once the lesson written for it is out.
 */
export async function publishedRecordWords(payload: Payload, records: readonly LinkedRecord[], query: string): Promise<string[]> {
  const titles: string[] = []
  for (const record of records) {
    const id = idOf(record.value)
    if (id === undefined || !(record.relationTo in publicCollections)) continue
    const { docs } = await payload.find({
      collection: record.relationTo as PublicCollection,
      where: { id: { equals: id } },
      draft: false,
      overrideAccess: false,
      depth: 0,
      limit: 1,
      select: { title: true },
    })
    for (const doc of docs) if (typeof doc.title === 'string') titles.push(doc.title)
  }
  return wordsWorthOffering(titles, query)
}
