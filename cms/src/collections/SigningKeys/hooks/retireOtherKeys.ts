import type { CollectionAfterChangeHook } from 'payload'
import { queuePublishedExport } from '../../../publishing/queuePublishedExport'
import type { SigningKey } from '../../../payload-types'

/**
 * One active key per organization: a new key retires the others (they stay
 * published, so what they signed still checks). Any key change is public,
 * so the export is queued again.
 */
export const retireOtherKeys: CollectionAfterChangeHook<SigningKey> = async ({ doc, operation, previousDoc, req }) => {
  if (operation === 'create') {
    const organization = typeof doc.organization === 'object' ? doc.organization.id : doc.organization
    await req.payload.update({
      collection: 'signing-keys',
      where: { and: [{ organization: { equals: organization } }, { status: { equals: 'active' } }, { id: { not_equals: doc.id } }] },
      data: { status: 'retired' },
      overrideAccess: true,
      req,
    })
  }
  if (operation === 'create' || previousDoc?.status !== doc.status) await queuePublishedExport(req.payload, req)
  return doc
}
