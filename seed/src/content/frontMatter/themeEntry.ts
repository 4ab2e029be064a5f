import type { z } from 'zod'
import { frontMatterObject, slug, text } from './fieldSchemas.ts'

/** One theme in `content/themes.yaml`; content files name themes by slug. */
export const themeEntry = frontMatterObject({
  slug: slug(),
  name: text(),
  description: text(),
})

export type ThemeEntry = z.infer<typeof themeEntry>
