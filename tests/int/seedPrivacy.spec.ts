import { findPersonalInformation } from '@gongyu/cms/privacy'
import { readStarterContent } from '@gongyu/seed/content'
import { describe, expect, it } from 'vitest'

/** Every string in a file's front matter (titles, summaries, notes, steps…), however deeply nested. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}

// The CMS refuses personal information in every published field of every collection, so the whole starter bank must pass the same check to seed.
describe('starter content holds no personal information', () => {
  const content = readStarterContent()

  it('there are at least 40 case studies', () => {
    expect(content.files.filter((item) => item.kind === 'case-study').length).toBeGreaterThanOrEqual(40)
  })

  it.each(content.files.map((item) => [item.file, item] as const))('%s holds no personal information', (_file, item) => {
    const findings = [...stringsIn(item.data), item.body].flatMap((text) => findPersonalInformation(text))
    expect(findings).toEqual([])
  })

  it('themes hold no personal information', () => {
    expect(content.themes.flatMap((theme) => findPersonalInformation(`${theme.name}\n${theme.description}`))).toEqual([])
  })
})
