import { type CollectionEntry, getCollection } from 'astro:content'
import { type Catalog, catalogOf } from './catalogData.ts'
import { readPublishedContent } from './publishedLoader.ts'

export { type Catalog, teachingOrder } from './catalogData.ts'

type CollectionName = 'themes' | 'organizations' | 'courseLists'

async function dataOf<C extends CollectionName>(name: C): Promise<CollectionEntry<C>['data'][]> {
  const entries: CollectionEntry<C>[] = await getCollection(name)
  return entries.map((entry) => entry.data)
}

async function buildCatalog(): Promise<Catalog> {
  return catalogOf({
    // The records come from the export as the integrations read it (parsed and checked once per process), not from Astro's
    // data store: through the store, the 3.8 MB of records were serialized, bundled into the build and parsed back (see publishedLoader).
    records: readPublishedContent().records,
    themes: await dataOf('themes'),
    organizations: await dataOf('organizations'),
    courseLists: await dataOf('courseLists'),
  })
}

let catalog: Promise<Catalog> | undefined

/** The catalog, built once per build and shared by every page. */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= buildCatalog()
  return catalog
}
