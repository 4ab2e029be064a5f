import { learnedSynonymGroupsOf, setLearnedSynonymGroups } from '@gongyu/search/text'
import type { Payload, PayloadRequest } from 'payload'
import { readAcceptedSynonymGroups } from './readAcceptedSynonyms'

/** Another CMS process may have accepted synonyms; each process reads them again after this long. */
const FRESH_FOR_MS = 60_000
const loaded = new WeakMap<Payload, { done: Promise<void>; loadedAt: number }>()

/** Every content task's query with the synonyms editors accepted for it: one group each, as the export carries them too. */
export async function readLearnedSynonymGroups(payload: Payload, req?: PayloadRequest): Promise<string[][]> {
  return learnedSynonymGroupsOf(await readAcceptedSynonymGroups(payload, req))
}

/**
 * Makes sure the search engines in this process know the accepted synonyms
 * (read at most once a minute, and again right after a task changed). The
 * search endpoint awaits it before every search.
 */
export function loadLearnedSynonyms(payload: Payload): Promise<void> {
  const current = loaded.get(payload)
  if (current && Date.now() - current.loadedAt < FRESH_FOR_MS) return current.done
  const done = readLearnedSynonymGroups(payload).then(setLearnedSynonymGroups)
  loaded.set(payload, { done, loadedAt: Date.now() })
  done.catch(() => loaded.delete(payload))
  return done
}

/** Reads the accepted synonyms again now, within `req` (a task's own save), and gives them to the search engines. */
export async function refreshLearnedSynonyms(req: PayloadRequest): Promise<void> {
  const done = readLearnedSynonymGroups(req.payload, req).then(setLearnedSynonymGroups)
  loaded.set(req.payload, { done, loadedAt: Date.now() })
  done.catch(() => loaded.delete(req.payload))
  await done
}
