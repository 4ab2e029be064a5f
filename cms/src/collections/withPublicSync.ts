import type { CollectionConfig } from 'payload'
import { syncSearchAfterChange, syncSearchAfterDelete } from '../hooks/syncPublicSearch'

/**
 * Adds the hooks that keep search and the published export in step with a
 * content type, after its own. They are added when the config is assembled,
 * not in the collection's own config, because they read the content-type
 * registry, which lists the collection configs.
 */
export function withPublicSync(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), syncSearchAfterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), syncSearchAfterDelete],
    },
  }
}
