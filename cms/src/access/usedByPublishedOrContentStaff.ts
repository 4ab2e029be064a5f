import type { Access, Where } from 'payload'
import { publicMediaReferences } from '../media/publicMediaReferences'
import type { MediaCollection } from '../media/mediaReferences'
import { hasRole } from './roles'

// Matches no document on either database: every document has an id.
const NOTHING: Where = { id: { exists: false } }

/**
 * Media, videos and captions: content staff read all; everyone else (visitors,
 * org-admins) only those published content uses, so an upload attached to
 * nothing, or only to a draft, stays private. Payload applies the same rule
 * to `/api/<collection>/file/<name>`.
 */
export function usedByPublishedOrContentStaff(collection: MediaCollection): Access {
  return async ({ req }) => {
    if (hasRole(req.user, 'admin', 'reviewer', 'editor')) return true
    const ids = [...(await publicMediaReferences(req.payload))[collection].values()]
    return ids.length > 0 ? { id: { in: ids } } : NOTHING
  }
}
