import type { CollectionBeforeValidateHook } from 'payload'
import { slugFromTitle } from '../../../hooks/fillSlug'

/** The pinyin of county and name (城关镇家长服务站 in two counties needs two addresses), as the CSV import makes it; an existing slug never changes. */
export const fillPlaceSlug: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data || data.slug || (originalDoc as { slug?: string } | undefined)?.slug) return data
  const county = typeof data.county === 'string' ? data.county : ''
  const name = typeof data.name === 'string' ? data.name : ''
  const slug = slugFromTitle(`${county} ${name}`.trim())
  if (slug) data.slug = slug
  return data
}
