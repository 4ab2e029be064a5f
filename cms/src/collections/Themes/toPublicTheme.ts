import type { PublicTheme } from '@gongyu/contract'
import type { Theme } from '../../payload-types'

/** A theme as the site lists it; every theme is public. */
export function themeToPublicTheme(theme: Theme): PublicTheme {
  return { slug: theme.slug, name: theme.name, description: theme.description ?? '' }
}
