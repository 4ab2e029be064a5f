import type { PublicPlace } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { placesByCountyAndKind, telHref } from './placeDirectory.ts'

function place(name: string, county: string, kind: PublicPlace['kind']): PublicPlace {
  return {
    slug: name,
    name,
    kind,
    county,
    township: '',
    address: '',
    openingHours: '',
    services: [],
    phone: null,
    location: { latitude: 31, longitude: 104, datum: 'GCJ-02' },
    lastCheckedOn: '2026-11-20',
  }
}

describe('placesByCountyAndKind', () => {
  it('groups by county in pinyin order, then by kind in the vocabulary order, then by name', () => {
    const groups = placesByCountyAndKind([
      place('乙站', '梓潼县', 'service-station'),
      place('甲站', '梓潼县', 'service-station'),
      place('中心', '梓潼县', 'guidance-centre'),
      place('基地', '安州区', 'practice-base'),
    ])
    expect(groups.map((group) => [group.county, group.anchor, group.count])).toEqual([
      ['安州区', 'county-1', 1],
      ['梓潼县', 'county-2', 3],
    ])
    expect(groups[1]?.kinds.map((kind) => [kind.label, kind.places.map((entry) => entry.name)])).toEqual([
      ['家庭教育指导中心', ['中心']],
      ['服务站', ['甲站', '乙站']],
    ])
  })
})

describe('telHref', () => {
  it('dials the digits, and an extension after a pause', () => {
    expect(telHref('0838-2212345')).toBe('tel:08382212345')
    expect(telHref('010-62341234 转 8')).toBe('tel:01062341234,8')
    expect(telHref('12355')).toBe('tel:12355')
  })
})
