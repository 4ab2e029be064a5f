import type { CollectionConfig } from 'payload'
import { capQueryArguments } from '../hooks/capQueryArguments'

/** The collection with `capQueryArguments` running before every operation, ahead of its own hooks. */
export function withQueryCaps(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return { ...collection, hooks: { ...hooks, beforeOperation: [capQueryArguments, ...(hooks.beforeOperation ?? [])] } }
}
