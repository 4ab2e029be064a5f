import { needSignalLimits, synonymLimits } from '@gongyu/contract'
import { normalizeText } from '@gongyu/search/text'
import type { CollectionBeforeValidateHook, CollectionConfig, FieldHook } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { isContentStaff } from '../../access/isContentStaff'
import type { ContentTask } from '../../payload-types'
import { refusePersonalInformation } from '../../hooks/refusePersonalInformation'
import { rejectDuplicates } from '../../hooks/rejectDuplicates'
import { localizedLabel } from '../../i18n/localizedLabel'
import { publicCollections, type PublicCollection } from '../contentTypes'
import { acceptOnlyOfferedSynonyms } from './hooks/acceptOnlyOfferedSynonyms'
import { applyLearnedSynonyms, forgetDeletedTaskSynonyms } from './hooks/applyLearnedSynonyms'
import { publishedRecordWords, type LinkedRecord } from './recordWords'

export const contentTaskStatuses = [
  { code: 'open', label: '待编写' },
  { code: 'writing', label: '编写中' },
  { code: 'done', label: '已完成' },
] as const

/** The query in the form the needs report and the search use (Simplified, lower case), so one query is one task. */
const normalizeQuery: CollectionBeforeValidateHook<ContentTask> = ({ data }) =>
  data && typeof data.query === 'string' ? { ...data, query: normalizeText(data.query) } : data

/** Computed on every read: the words of the linked records that are published now. */
const offerSynonyms: FieldHook<ContentTask> = async ({ data, req }) =>
  data?.query ? publishedRecordWords(req.payload, (data.records ?? []) as LinkedRecord[], data.query) : []

/**
 * 内容任务: a query from the needs report that experts should write for
 * (issue 17). One click in the 需求分析 view makes one; an editor links the
 * lesson written for it, and once that lesson is published its title's words
 * are offered as synonyms of the query. Accepted synonyms reach both search
 * engines, so the next parent who asks that way finds the lesson.
 */
export const ContentTasks: CollectionConfig = {
  slug: 'content-tasks',
  labels: { singular: localizedLabel('内容任务', 'Content task'), plural: localizedLabel('内容任务', 'Content tasks') },
  admin: {
    useAsTitle: 'query',
    defaultColumns: ['query', 'status', 'records', 'acceptedSynonyms'],
    group: localizedLabel('需求分析', 'Needs report'),
  },
  access: { read: isContentStaff, create: isContentStaff, update: isContentStaff, delete: isAdmin },
  hooks: {
    beforeValidate: [
      normalizeQuery,
      rejectDuplicates({
        collection: 'content-tasks',
        fields: ['query'],
        label: localizedLabel('家长的搜索词', 'Parents’ query'),
        message: (values) => `「${String(values.query)}」已经有内容任务了，请打开那个任务继续。`,
      }),
      // A query with accepted synonyms goes out in the published export.
      refusePersonalInformation(),
    ],
    beforeChange: [acceptOnlyOfferedSynonyms],
    afterChange: [applyLearnedSynonyms],
    afterDelete: [forgetDeletedTaskSynonyms],
  },
  fields: [
    {
      name: 'query',
      type: 'text',
      required: true,
      unique: true,
      maxLength: needSignalLimits.query.maxLength,
      label: localizedLabel('家长的搜索词', 'Parents’ query'),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      options: contentTaskStatuses.map((status) => ({ value: status.code, label: localizedLabel(status.label, status.code) })),
      label: localizedLabel('状态', 'Status'),
    },
    {
      name: 'records',
      type: 'relationship',
      relationTo: Object.keys(publicCollections) as PublicCollection[],
      hasMany: true,
      maxRows: 5,
      label: localizedLabel('为它编写的内容', 'Content written for it'),
      admin: {
        description: localizedLabel('内容发布后，它标题里的词会出现在“建议的同义词”里。', 'Once published, its title’s words are offered as synonyms.'),
      },
    },
    {
      name: 'offeredSynonyms',
      type: 'text',
      hasMany: true,
      virtual: true,
      label: localizedLabel('建议的同义词', 'Offered synonyms'),
      admin: {
        readOnly: true,
        description: localizedLabel('已发布的关联内容标题里的词。把合适的词填到下面“采用的同义词”里。', 'Words of the published linked content.'),
      },
      hooks: { afterRead: [offerSynonyms] },
    },
    {
      name: 'acceptedSynonyms',
      type: 'text',
      hasMany: true,
      maxRows: synonymLimits.wordsPerGroup,
      maxLength: synonymLimits.wordLength,
      label: localizedLabel('采用的同义词', 'Accepted synonyms'),
      admin: {
        description: localizedLabel(
          '保存后，家长搜索这个词时也会找到含有这些词的内容。只能从“建议的同义词”里选。',
          'Parents searching the query also find content with these words.',
        ),
      },
    },
  ],
}
