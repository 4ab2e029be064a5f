import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { forgetPublicMediaReferences } from '../media/publicMediaReferences'

/** After a save of content: what published content uses may have changed, so media access recomputes it. */
export const forgetPublicMediaAfterChange: CollectionAfterChangeHook = ({ doc, req }) => {
  forgetPublicMediaReferences(req.payload)
  return doc
}

/** After a delete of content, likewise. */
export const forgetPublicMediaAfterDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  forgetPublicMediaReferences(req.payload)
  return doc
}
