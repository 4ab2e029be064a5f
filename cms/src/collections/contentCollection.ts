import type { CollectionConfig } from 'payload'
import { isContentStaff } from '../access/isContentStaff'
import { isReviewerOrAdmin } from '../access/isReviewerOrAdmin'
import { publishedOrContentStaff } from '../access/publishedOrContentStaff'
import { guardPublishing } from '../hooks/guardPublishing'

/** How many versions each document keeps; older ones are pruned by Payload. */
export const MAX_VERSIONS_PER_DOCUMENT = 100

/**
 * The settings every course-bank collection shares: drafts with scheduled
 * publishing, a version on every save, the read/write/publish rules, and
 * the workflow guard. Each collection adds its own fields and hooks.
 */
export const contentCollectionDefaults = {
  access: {
    read: publishedOrContentStaff,
    readVersions: isContentStaff,
    create: isContentStaff,
    update: isContentStaff,
    delete: isReviewerOrAdmin,
  },
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: MAX_VERSIONS_PER_DOCUMENT,
  },
  hooks: { beforeChange: [guardPublishing(['admin', 'reviewer'])] },
} satisfies Partial<CollectionConfig>
