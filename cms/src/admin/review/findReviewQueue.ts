import { contentTypes as contentTypeVocabulary, labelOf } from '@gongyu/contract'
import type { Payload, PayloadRequest, Where } from 'payload'
import { type PublicCollection, publicCollections } from '../../collections/contentTypes'
import { type ReviewState, reviewStates } from '../../fields/workflowFields'

/** Collections under the same review workflow that are not content types, with their name and title field (服务地图, issue 17). */
const OTHER_REVIEWED = { places: { label: '服务地点', titleField: 'name' } } as const

/** A collection whose drafts go through the review queue. */
export type QueueCollection = PublicCollection | keyof typeof OTHER_REVIEWED

/** One row of the review queue or of an editor's drafts. */
export interface QueueItem {
  collection: QueueCollection
  /** The content type's Chinese name (专题课程, 教案…). */
  typeLabel: string
  id: string | number
  title: string
  reviewState: ReviewState
  reviewStateLabel: string
  /** Who sent it for review (their name, else their email); empty when nobody has yet. */
  submitter: string
  /** ISO 8601, when it was last sent for review. */
  submittedAt: string | null
  updatedAt: string
}

/** `review`: everything waiting for a reviewer. `mine`: the signed-in user's own unpublished work. */
export type QueueScope = 'review' | 'mine'

/** Rows per content type; the view says when a type has more. */
export const QUEUE_PAGE_SIZE = 50

interface QueueDocument {
  id: string | number
  title?: string | null
  name?: string | null
  reviewState?: ReviewState | null
  submittedBy?: string | number | { id: string | number } | null
  submittedAt?: string | null
  updatedAt: string
}

const idOf = (value: QueueDocument['submittedBy']) => (value && typeof value === 'object' ? value.id : value)

function whereFor(scope: QueueScope, user: NonNullable<PayloadRequest['user']>): Where {
  if (scope === 'review') return { reviewState: { equals: 'in-review' } }
  return { and: [{ createdBy: { equals: user.id } }, { reviewState: { not_equals: 'approved' } }] }
}

/**
 * The review queue across every content type, read as the signed-in user
 * (their access rules apply) from each item's latest draft, oldest
 * submission first so nothing waits forever. Also counts what did not fit.
 */
export async function findReviewQueue(
  payload: Payload,
  user: NonNullable<PayloadRequest['user']>,
  scope: QueueScope,
): Promise<{ items: QueueItem[]; more: number }> {
  const collections: QueueCollection[] = [
    ...(Object.keys(publicCollections) as PublicCollection[]),
    ...(Object.keys(OTHER_REVIEWED) as (keyof typeof OTHER_REVIEWED)[]),
  ]
  const results = await Promise.all(
    collections.map(async (collection) => {
      const other = collection in OTHER_REVIEWED ? OTHER_REVIEWED[collection as keyof typeof OTHER_REVIEWED] : undefined
      const found = await payload.find({
        collection,
        where: whereFor(scope, user),
        draft: true,
        depth: 0,
        limit: QUEUE_PAGE_SIZE,
        sort: scope === 'review' ? 'submittedAt' : '-updatedAt',
        select: {
          [other?.titleField ?? 'title']: true,
          reviewState: true,
          submittedBy: true,
          submittedAt: true,
          updatedAt: true,
        },
        overrideAccess: false,
        user,
      })
      return { collection, label: other?.label, docs: found.docs as unknown as QueueDocument[], more: Math.max(0, found.totalDocs - found.docs.length) }
    }),
  )
  const submitterIds = [...new Set(results.flatMap(({ docs }) => docs.map((doc) => idOf(doc.submittedBy))).filter((id) => id !== null && id !== undefined))]
  // Staff may not read each other's accounts (users are admin-or-self); the queue needs only a name to show.
  const submitters = submitterIds.length
    ? await payload.find({
        collection: 'users',
        where: { id: { in: submitterIds } },
        depth: 0,
        limit: submitterIds.length,
        pagination: false,
        overrideAccess: true,
        select: { name: true, email: true },
      })
    : { docs: [] }
  const nameOf = new Map(submitters.docs.map((doc) => [String(doc.id), (doc as { name?: string | null }).name || doc.email]))
  const items = results.flatMap(({ collection, label, docs }) =>
    docs.map((doc): QueueItem => {
      const reviewState = doc.reviewState ?? 'writing'
      const submitterId = idOf(doc.submittedBy)
      return {
        collection,
        typeLabel: label ?? labelOf(contentTypeVocabulary, publicCollections[collection as PublicCollection]) ?? collection,
        id: doc.id,
        title: (doc.title ?? doc.name)?.trim() || '（无标题）',
        reviewState,
        reviewStateLabel: reviewStates.find((state) => state.code === reviewState)?.label ?? reviewState,
        submitter: submitterId === null || submitterId === undefined ? '' : (nameOf.get(String(submitterId)) ?? ''),
        submittedAt: doc.submittedAt ?? null,
        updatedAt: doc.updatedAt,
      }
    }),
  )
  const time = (item: QueueItem) => Date.parse(scope === 'review' ? (item.submittedAt ?? item.updatedAt) : item.updatedAt)
  items.sort((a, b) => (scope === 'review' ? time(a) - time(b) : time(b) - time(a)))
  return { items, more: results.reduce((sum, { more }) => sum + more, 0) }
}
