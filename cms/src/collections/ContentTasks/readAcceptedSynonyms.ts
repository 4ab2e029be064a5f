import { type PublicSynonymGroup, publicSynonymGroupOf, synonymLimits } from '@gongyu/contract'
import { normalizeText } from '@gongyu/search/text'
import type { Payload, PayloadRequest } from 'payload'

/**
 * The synonyms editors accepted, one group per content task, in the public
 * shape (contract/src/publicSynonyms.ts): a task's query and its accepted
 * words, and nothing else of the task (never the words only offered, its
 * status or its records). Accepted words are words of a published lesson
 * (acceptOnlyOfferedSynonyms). The CMS's engines and the published export
 * both read them here, so every engine expands with the same groups.
 */
export async function readAcceptedSynonymGroups(payload: Payload, req?: PayloadRequest): Promise<PublicSynonymGroup[]> {
  const { docs } = await payload.find({
    // Inside a hook, the hook's request: its transaction holds the change that is not committed yet.
    req,
    collection: 'content-tasks',
    limit: 0,
    pagination: false,
    depth: 0,
    sort: 'createdAt',
    select: { query: true, acceptedSynonyms: true },
    overrideAccess: true,
  })
  const groups = docs
    .filter((task) => (task.acceptedSynonyms ?? []).length > 0)
    .map((task) => publicSynonymGroupOf(normalizeText(task.query), (task.acceptedSynonyms ?? []).map(normalizeText)))
    .filter((group) => group !== undefined)
  if (groups.length > synonymLimits.groups) {
    payload.logger.warn(`采用的同义词共 ${groups.length} 组，只用最早的 ${synonymLimits.groups} 组；请清理不再需要的内容任务。`)
  }
  return groups.slice(0, synonymLimits.groups)
}
