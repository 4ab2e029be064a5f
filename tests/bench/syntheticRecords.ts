import { type PublicRecord, recordId, urlFor } from '@gongyu/contract'

/**
 * `count` records made from the bank, marked synthetic in their slugs: each
 * mixes the title and text of one record with another's, keeps its type,
 * grades, sections and links, and gets an id and URL of its own. Used to
 * scale the search index and the site build up to 10,000 records.
 */
export function syntheticRecords(records: PublicRecord[], count: number): PublicRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const base = records[index % records.length] as PublicRecord
    const other = records[(index * 7 + 3) % records.length] as PublicRecord
    const slug = `synthetic-${index}`
    return {
      ...base,
      id: recordId(base.type, slug),
      slug,
      url: urlFor(base.type, slug),
      title: `${base.title}（${other.themeNames[0] ?? ''}）`,
      summary: `${base.summary}${other.summary.slice(0, 40)}`,
      bodyText: `${base.bodyText.slice(0, 800)}\n${other.bodyText.slice(0, 400)}`,
    }
  })
}
