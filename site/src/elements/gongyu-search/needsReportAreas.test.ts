import { describe, expect, it } from 'vitest'
import { needsReportAreas } from './needsReportAreas.ts'

const org = (region: string, countsZeroResultSearches?: boolean) => ({ region, countsZeroResultSearches })

describe('needsReportAreas', () => {
  it('lists each province once with its counties, and counts nothing by default', () => {
    const result = needsReportAreas([org('甘肃省某县'), org('甘肃省另一县'), org('广东省某区'), org('甘肃省某县'), org('不知道')])
    expect(result.areas).toEqual([
      { province: '甘肃省', counties: ['另一县', '某县'] },
      { province: '广东省', counties: ['某区'] },
    ])
    expect(result.zeroResultArea).toBeNull()
  })

  it('counts into the county, the province or nowhere, as the organizations that turned counting on share them', () => {
    expect(needsReportAreas([org('甘肃省某县', true), org('广东省某区')]).zeroResultArea).toEqual({ province: '甘肃省', county: '某县' })
    expect(needsReportAreas([org('甘肃省某县', true), org('甘肃省另一县', true)]).zeroResultArea).toEqual({ province: '甘肃省' })
    expect(needsReportAreas([org('甘肃省某县', true), org('广东省某区', true)]).zeroResultArea).toBeNull()
  })
})
