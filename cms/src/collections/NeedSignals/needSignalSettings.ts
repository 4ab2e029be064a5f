import { regionParts } from '@gongyu/contract'
import { normalizeText } from '@gongyu/search/text'
import type { Payload } from 'payload'

/** What the `need-signal` kind checks a signal against, read from the organizations. */
export interface NeedSignalSettings {
  /** `province` and `province county` of every organization's region: the areas a parent can choose. */
  areas: Set<string>
  /** True when at least one organization turned on counting searches that find nothing. */
  countsZeroResults: boolean
}

/** Organizations change rarely; a burst of signals reads them once a minute, not once a signal. */
const FRESH_FOR_MS = 60_000
const cache = new WeakMap<Payload, { settings: Promise<NeedSignalSettings>; loadedAt: number }>()

/** The key of an area in `NeedSignalSettings.areas`, in Simplified characters (the Traditional copy of the site sends 甘肅省). */
export function areaKey(province: string, county?: string | null): string {
  return county ? `${normalizeText(province)} ${normalizeText(county)}` : normalizeText(province)
}

async function readSettings(payload: Payload): Promise<NeedSignalSettings> {
  const { docs } = await payload.find({
    collection: 'organizations',
    limit: 0,
    pagination: false,
    depth: 0,
    select: { region: true, countZeroResultSearches: true },
    overrideAccess: true,
  })
  const areas = new Set<string>()
  for (const organization of docs) {
    const parts = regionParts(organization.region)
    if (!parts) continue
    areas.add(areaKey(parts.province))
    if (parts.county) areas.add(areaKey(parts.province, parts.county))
  }
  return { areas, countsZeroResults: docs.some((organization) => organization.countZeroResultSearches === true) }
}

/** The settings, read at most once a minute per Payload instance. */
export function needSignalSettings(payload: Payload): Promise<NeedSignalSettings> {
  const cached = cache.get(payload)
  if (cached && Date.now() - cached.loadedAt < FRESH_FOR_MS) return cached.settings
  const settings = readSettings(payload)
  cache.set(payload, { settings, loadedAt: Date.now() })
  settings.catch(() => cache.delete(payload))
  return settings
}

/** Forgets the settings after an organization changed, so the next signal reads them again. */
export function forgetNeedSignalSettings(payload: Payload): void {
  cache.delete(payload)
}
