import { coordinateProblem } from '@gongyu/contract'
import { type CollectionBeforeValidateHook, ValidationError } from 'payload'
import { localizedLabel } from '../../../i18n/localizedLabel'

/** Refuses coordinates outside China or with latitude and longitude swapped, on every save (drafts too). */
export const checkLocation: CollectionBeforeValidateHook = ({ collection, data, originalDoc, req }) => {
  const merged = { ...(originalDoc?.location ?? {}), ...(data?.location ?? {}) } as { latitude?: unknown; longitude?: unknown }
  if (typeof merged.latitude !== 'number' || typeof merged.longitude !== 'number') return data
  const problem = coordinateProblem(merged.latitude, merged.longitude)
  if (!problem) return data
  throw new ValidationError(
    { collection: collection.slug, req, errors: [{ path: 'location.latitude', label: localizedLabel('纬度', 'Latitude'), message: problem }] },
    req.t,
  )
}
