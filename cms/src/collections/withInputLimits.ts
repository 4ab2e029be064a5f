import type { CollectionConfig } from 'payload'
import { refuseOversizedInput } from '../hooks/refuseOversizedInput'

/** Adds the size and control-character check to a collection, ahead of its own validation hooks. */
export function withInputLimits(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: { ...collection.hooks, beforeValidate: [refuseOversizedInput, ...(collection.hooks?.beforeValidate ?? [])] },
  }
}
