import { defineCollection } from 'astro:content'
import { publicCourseListSchema, publicOrganizationSchema, publicPlaceSchema, publicRecordSchema, publicThemeSchema } from '@gongyu/contract'
import { publishedLoader } from './content/publishedLoader.ts'

// Every collection comes from the CMS export and is checked with the contract's own schemas
// (Astro 7 and the contract share zod 4), so an export written by an older CMS stops the build.
export const collections = {
  records: defineCollection({ loader: publishedLoader('records'), schema: publicRecordSchema }),
  themes: defineCollection({ loader: publishedLoader('themes'), schema: publicThemeSchema }),
  organizations: defineCollection({ loader: publishedLoader('organizations'), schema: publicOrganizationSchema }),
  courseLists: defineCollection({ loader: publishedLoader('courseLists'), schema: publicCourseListSchema }),
  places: defineCollection({ loader: publishedLoader('places'), schema: publicPlaceSchema }),
}
