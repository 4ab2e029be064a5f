import { findPersonalInformation } from '@gongyu/cms/privacy'
import { readStarterContent } from '@gongyu/seed/content'
import { describe, expect, it } from 'vitest'

describe('starter case studies are anonymized', () => {
  const cases = readStarterContent().files.filter((item) => item.kind === 'case-study')

  it('there are at least 40 of them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  it.each(cases.map((item) => [item.file, item] as const))('%s holds no personal information', (_file, item) => {
    const text = [item.data.title, item.data.region, item.body].join('\n')
    expect(findPersonalInformation(text)).toEqual([])
  })
})
