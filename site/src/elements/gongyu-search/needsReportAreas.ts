import { regionParts, type PublicOrganization } from '@gongyu/contract'
import type { AreaChoice } from './needSignal.ts'

/**
 * What the search page offers for the needs report, from the organizations
 * in the export: the counties a parent may choose (each organization's
 * region), and the area a count of a search that found nothing belongs to,
 * when organizations turned counting on: their county if they share one,
 * their province if they share only that, otherwise none (nothing counted).
 */
export function needsReportAreas(organizations: readonly Pick<PublicOrganization, 'region' | 'countsZeroResultSearches'>[]): {
  areas: AreaChoice[]
  zeroResultArea: { province: string; county?: string } | null
} {
  const byProvince = new Map<string, Set<string>>()
  for (const organization of organizations) {
    const parts = regionParts(organization.region)
    if (!parts) continue
    const counties = byProvince.get(parts.province) ?? new Set<string>()
    if (parts.county) counties.add(parts.county)
    byProvince.set(parts.province, counties)
  }
  const areas = [...byProvince]
    .sort(([a], [b]) => a.localeCompare(b, 'zh'))
    .map(([province, counties]) => ({ province, counties: [...counties].sort((a, b) => a.localeCompare(b, 'zh')) }))
  const counting = organizations
    .filter((organization) => organization.countsZeroResultSearches === true)
    .map((organization) => regionParts(organization.region))
  if (counting.length === 0 || counting.some((parts) => !parts)) return { areas, zeroResultArea: null }
  const provinces = new Set(counting.map((parts) => parts?.province))
  if (provinces.size !== 1) return { areas, zeroResultArea: null }
  const province = counting[0]?.province ?? ''
  const counties = new Set(counting.map((parts) => parts?.county ?? null))
  const county = counties.size === 1 ? [...counties][0] : null
  return { areas, zeroResultArea: county ? { province, county } : { province } }
}
