import { PLACE_DATUM, type PublicPlace } from '@gongyu/contract'
import type { Place } from '../../payload-types'

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })

/** A published place as the site's service map shows it; undefined for a draft. Review fields and ids stay in the CMS. */
export function placeToPublicPlace(place: Place): PublicPlace | undefined {
  if (place._status !== 'published') return undefined
  return {
    slug: place.slug,
    name: place.name,
    kind: place.kind,
    county: place.county,
    township: place.township ?? '',
    address: place.address ?? '',
    openingHours: place.openingHours ?? '',
    services: (place.services ?? []).map((row) => row.text),
    phone: place.phone || null,
    location: { latitude: place.location.latitude, longitude: place.location.longitude, datum: PLACE_DATUM },
    // The day as it was in China, whatever time zone the CMS runs in.
    lastCheckedOn: shanghaiDay.format(new Date(place.lastCheckedOn)),
  }
}
