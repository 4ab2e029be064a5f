import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { MeiliSearchEngine, searchEngineChoice } from '@gongyu/search/server'
import type { ContentTask } from '../../../payload-types'
import { queuePublishedExport } from '../../../publishing/queuePublishedExport'
import { refreshLearnedSynonyms } from '../learnedSynonyms'

async function apply(req: Parameters<CollectionAfterChangeHook>[0]['req']): Promise<void> {
  await refreshLearnedSynonyms(req)
  // The static site's search reads them from the export: the next build carries them.
  await queuePublishedExport(req.payload, req)
  const choice = searchEngineChoice()
  if (choice.kind !== 'meilisearch') return
  // The browser asks Meilisearch directly; its index needs the groups too. A Meilisearch outage does not undo the editor's choice.
  await new MeiliSearchEngine(choice.connection).applySynonyms().catch((error: unknown) => {
    req.payload.logger.error({ err: error, msg: '同义词已保存，但未能写入 Meilisearch；下次重建索引时会写入。' })
  })
}

/** After a task's accepted synonyms change, this process searches with them at once, Meilisearch gets them and the export is rewritten. */
export const applyLearnedSynonyms: CollectionAfterChangeHook<ContentTask> = async ({ doc, previousDoc, req }) => {
  const before = JSON.stringify([previousDoc?.query, previousDoc?.acceptedSynonyms ?? []])
  if (JSON.stringify([doc.query, doc.acceptedSynonyms ?? []]) !== before) await apply(req)
  return doc
}

/** A deleted task takes its synonyms with it. */
export const forgetDeletedTaskSynonyms: CollectionAfterDeleteHook<ContentTask> = async ({ doc, req }) => {
  if ((doc.acceptedSynonyms ?? []).length > 0) await apply(req)
  return doc
}
