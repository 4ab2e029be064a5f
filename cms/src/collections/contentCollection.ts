import { contentLimits } from '@gongyu/contract'
import type { CollectionBeforeValidateHook, CollectionConfig, Field } from 'payload'
import { isContentStaff } from '../access/isContentStaff'
import { isReviewerOrAdmin } from '../access/isReviewerOrAdmin'
import { publishedOrContentStaff } from '../access/publishedOrContentStaff'
import { slugField } from '../fields/slugField'
import { withFieldErrorsUntilEdited } from '../fields/withFieldErrorsUntilEdited'
import { workflowFields } from '../fields/workflowFields'
import { fillSlug } from '../hooks/fillSlug'
import { forgetPublicMediaAfterChange, forgetPublicMediaAfterDelete } from '../hooks/forgetPublicMedia'
import { guardPublishing, noteDraftRestore } from '../hooks/guardPublishing'
import { keepReviewStateTrue } from '../hooks/keepReviewStateTrue'
import { refusePersonalInformation } from '../hooks/refusePersonalInformation'
import { uniqueSlug } from '../hooks/rejectDuplicates'
import { localizedLabel } from '../i18n/localizedLabel'
import type { PublicCollection } from './contentTypes'

/** How many versions each document keeps; older ones are pruned by Payload. */
export const MAX_VERSIONS_PER_DOCUMENT = 100

interface ContentCollectionOptions {
  /** A content type's slug: one listed in contentTypes.ts with its mapping to the public record. */
  slug: PublicCollection
  /** The Chinese name, singular and plural alike (专题课程). */
  label: string
  englishSingular: string
  englishPlural: string
  defaultColumns: string[]
  /** Validation hooks that run after the slug is filled and before its uniqueness check. */
  beforeValidate?: CollectionBeforeValidateHook[]
  indexes?: CollectionConfig['indexes']
  /** The fields between the title and the slug and workflow fields every content type has. */
  fields: Field[]
}

/**
 * A course-bank collection: drafts with scheduled publishing, a version on
 * every save, the read/write/publish rules and the workflow guard, a title,
 * a unique slug and the review fields. Each collection adds its own fields.
 */
export function contentCollection(options: ContentCollectionOptions): CollectionConfig {
  return {
    slug: options.slug,
    labels: {
      singular: localizedLabel(options.label, options.englishSingular),
      plural: localizedLabel(options.label, options.englishPlural),
    },
    admin: {
      useAsTitle: 'title',
      defaultColumns: options.defaultColumns,
      listSearchableFields: ['title', 'slug'],
      group: localizedLabel('课程资源', 'Course bank'),
    },
    access: {
      read: publishedOrContentStaff,
      readVersions: isContentStaff,
      create: isContentStaff,
      update: isContentStaff,
      delete: isReviewerOrAdmin,
    },
    versions: { drafts: { schedulePublish: true }, maxPerDoc: MAX_VERSIONS_PER_DOCUMENT },
    indexes: options.indexes,
    hooks: {
      beforeOperation: [noteDraftRestore],
      beforeValidate: [fillSlug, refusePersonalInformation(), ...(options.beforeValidate ?? []), uniqueSlug(options.slug, options.label)],
      beforeChange: [guardPublishing(['admin', 'reviewer']), keepReviewStateTrue],
      // Search and export sync is added when the config is assembled (withPublicSync.ts).
      afterChange: [forgetPublicMediaAfterChange],
      afterDelete: [forgetPublicMediaAfterDelete],
    },
    // Every field keeps a refused save's reason in view until it is edited (issue 14).
    fields: withFieldErrorsUntilEdited([
      { name: 'title', type: 'text', required: true, label: localizedLabel('标题', 'Title'), ...contentLimits.title },
      ...options.fields,
      slugField(),
      ...workflowFields(),
    ]),
  }
}
