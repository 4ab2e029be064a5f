import { defineCollection } from 'astro:content'
import { publishedLoader } from './loaders/publishedLoader.ts'
import { courseListSchema, organizationSchema, recordSchema, themeSchema } from './data/schema.ts'

// Every collection comes from the CMS export; the schemas catch an export written by an older CMS.
export const collections = {
  records: defineCollection({ loader: publishedLoader('records'), schema: recordSchema }),
  themes: defineCollection({ loader: publishedLoader('themes'), schema: themeSchema }),
  organizations: defineCollection({ loader: publishedLoader('organizations'), schema: organizationSchema }),
  courseLists: defineCollection({ loader: publishedLoader('courseLists'), schema: courseListSchema }),
}
