import { labelOf, type PlaceKindCode, placeKinds, type PublicPlace } from '@gongyu/contract'

/** One county's part of the service map: its places by kind, in the vocabulary's order. */
export interface CountyGroup {
  county: string
  /** An anchor id for the county's section (counties are Chinese names; a plain id survives every copy of the page). */
  anchor: string
  count: number
  kinds: { kind: PlaceKindCode; label: string; places: PublicPlace[] }[]
}

const byChinese = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN')

/** The service map by county (in pinyin order), then kind, then name. */
export function placesByCountyAndKind(places: readonly PublicPlace[]): CountyGroup[] {
  const counties = [...new Set(places.map((place) => place.county))].sort(byChinese)
  return counties.map((county, index) => {
    const inCounty = places.filter((place) => place.county === county)
    const kinds = placeKinds
      .map((kind) => ({
        kind: kind.code,
        label: kind.label,
        places: inCounty.filter((place) => place.kind === kind.code).sort((a, b) => byChinese(a.name, b.name)),
      }))
      .filter((group) => group.places.length > 0)
    return { county, anchor: `county-${index + 1}`, count: inCounty.length, kinds }
  })
}

/** The Chinese name of a kind of place. */
export function placeKindLabel(kind: string): string {
  return labelOf(placeKinds, kind) ?? kind
}

/** A `tel:` link for a public phone as the CMS writes it (0838-2212345 转 8): the digits to dial, with the extension after a pause. */
export function telHref(phone: string): string {
  const [number = '', extension] = phone.split(' 转 ')
  return `tel:${number.replace(/\D/g, '')}${extension ? `,${extension.replace(/\D/g, '')}` : ''}`
}
