import type { Payload } from 'payload'

/** What an answer needs of its survey. */
export interface AnsweredSurvey {
  id: string | number
  requiresCode: boolean
}

const TTL_MS = 5_000

/**
 * Published surveys by slug, read as an anonymous visitor (drafts never
 * answer) and kept for five seconds per Payload instance, found or not: a
 * survey closed (unpublished) takes at most that long to stop taking answers.
 */
export class PublishedSurveyCache {
  private readonly entries = new WeakMap<Payload, Map<string, { survey: AnsweredSurvey | undefined; expires: number }>>()

  async find(payload: Payload, slug: string): Promise<AnsweredSurvey | undefined> {
    let bySlug = this.entries.get(payload)
    if (!bySlug) {
      bySlug = new Map()
      this.entries.set(payload, bySlug)
    }
    const now = Date.now()
    const cached = bySlug.get(slug)
    if (cached && cached.expires > now) return cached.survey
    const { docs } = await payload.find({
      collection: 'surveys',
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      draft: false,
      overrideAccess: false,
      select: { requiresCode: true },
    })
    const doc = docs[0]
    const survey = doc ? { id: doc.id, requiresCode: Boolean(doc.requiresCode) } : undefined
    // Expired entries go first, so slugs made up by a flood cannot grow the map past what five seconds allow.
    for (const [key, entry] of bySlug) if (entry.expires <= now) bySlug.delete(key)
    bySlug.set(slug, { survey, expires: now + TTL_MS })
    return survey
  }
}
