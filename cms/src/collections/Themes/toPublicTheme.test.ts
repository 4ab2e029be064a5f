import { describe, expect, it } from 'vitest'
import type { Theme } from '../../payload-types'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { Themes } from './index'
import { themeToPublicTheme } from './toPublicTheme'

const theme = {
  id: 11,
  name: '情绪',
  description: '认识和调节情绪。',
  slug: 'emotions',
  updatedAt: '2026-03-01T08:00:00.000Z',
  createdAt: '2026-02-01T08:00:00.000Z',
} satisfies Theme

describe('themeToPublicTheme', () => {
  it('maps a theme to what the site lists', () => {
    expect(themeToPublicTheme(theme)).toEqual({ slug: 'emotions', name: '情绪', description: '认识和调节情绪。' })
  })

  it('gives a theme without a description an empty one', () => {
    expect(themeToPublicTheme({ ...theme, description: null }).description).toBe('')
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    expect(fieldMismatchOf(Themes, theme)).toEqual({ missingFromFixture: [], notInCollection: [] })
  })
})
