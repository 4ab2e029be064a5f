import type { CollectionAfterChangeHook } from 'payload'
import { queuePublishedExport } from '../../../publishing/queuePublishedExport'
import type { Certificate } from '../../../payload-types'

/** A revocation is public (the site's revocation list), so it rewrites the export; issuing publishes nothing. */
export const queueExportOnRevocation: CollectionAfterChangeHook<Certificate> = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && doc.revoked && !previousDoc?.revoked) await queuePublishedExport(req.payload, req)
  return doc
}
