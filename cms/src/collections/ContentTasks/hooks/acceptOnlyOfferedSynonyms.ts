import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { normalizeText } from '@gongyu/search/text'
import type { ContentTask } from '../../../payload-types'
import { publishedRecordWords, type LinkedRecord } from '../recordWords'

/**
 * An editor accepts synonyms from what the task offers (the words of its
 * published records), not free text: a synonym widens every parent's search,
 * so it must come from a lesson written for the query. Words accepted before
 * stay, even if their record was later unpublished.
 */
export const acceptOnlyOfferedSynonyms: CollectionBeforeChangeHook<ContentTask> = async ({ data, originalDoc, req }) => {
  const accepted = (data.acceptedSynonyms ?? []).map(normalizeText)
  const before = new Set(originalDoc?.acceptedSynonyms ?? [])
  const added = accepted.filter((word) => !before.has(word))
  if (added.length === 0) return { ...data, acceptedSynonyms: [...new Set(accepted)] }
  const offered = new Set(await publishedRecordWords(req.payload, (data.records ?? []) as LinkedRecord[], normalizeText(data.query ?? '')))
  const notOffered = added.filter((word) => !offered.has(word))
  if (notOffered.length > 0) {
    throw new ValidationError({
      collection: 'content-tasks',
      errors: [
        {
          path: 'acceptedSynonyms',
          label: '采用的同义词',
          message: `「${notOffered.join('、')}」不是已发布的关联内容里的词。先发布为这个任务写的内容，再从“建议的同义词”里选。`,
        },
      ],
    })
  }
  return { ...data, acceptedSynonyms: [...new Set(accepted)] }
}
