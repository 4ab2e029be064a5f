import type { Block, CollectionConfig, Field, Tab } from 'payload'

function copyFields(fields: Field[]): Field[] {
  return fields.map((field) => {
    const copy = { ...field } as Field & { fields?: Field[]; tabs?: Tab[]; blocks?: Block[] }
    if (Array.isArray(copy.fields)) copy.fields = copyFields(copy.fields)
    if (Array.isArray(copy.tabs)) copy.tabs = copy.tabs.map((tab) => ({ ...tab, fields: copyFields(tab.fields) }))
    if (Array.isArray(copy.blocks)) copy.blocks = copy.blocks.map((block) => ({ ...block, fields: copyFields(block.fields) }))
    return copy
  })
}

/**
 * The collection with its own copy of the field tree. Payload's config
 * sanitizing writes into the field arrays it is given (3.90.1 adds a
 * `<name>_tz` field beside each date with a time zone), and the collections
 * are module constants: a second config built in one process (the seed
 * script, a backup restore, tests) found that field twice and stopped with
 * `DuplicateFieldName`.
 */
export function withOwnFieldTree(collection: CollectionConfig): CollectionConfig {
  return { ...collection, fields: copyFields(collection.fields) }
}
