import type { CollectionConfig, Field } from 'payload'

// Keys Payload adds to every document itself, with no field in the config.
const SYSTEM_KEYS = new Set(['id', 'createdAt', 'updatedAt', '_status'])

function fieldPathsOf(fields: readonly Field[], prefix: string): string[] {
  return fields.flatMap((field) => {
    if (field.type === 'ui') return []
    if (field.type === 'row' || field.type === 'collapsible') return fieldPathsOf(field.fields, prefix)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => fieldPathsOf(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix))
    if (field.type === 'group' || field.type === 'array') return fieldPathsOf(field.fields, 'name' in field && field.name ? `${prefix}${field.name}.` : prefix)
    return [`${prefix}${field.name}`]
  })
}

// A group or a row of a list; rich text (`root`) and a relationship to several collections (`relationTo`) are single values.
function isRow(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('root' in value) && !('relationTo' in value)
}

function documentPathsOf(value: object, prefix: string): string[] {
  return Object.entries(value).flatMap(([key, entry]: [string, unknown]) => {
    // Rows of a list carry Payload's row id; the top level carries the document's own keys.
    if (prefix === '' ? SYSTEM_KEYS.has(key) : key === 'id') return []
    const path = `${prefix}${key}`
    if (Array.isArray(entry) && entry.length > 0 && entry.every(isRow)) return entry.flatMap((row) => documentPathsOf(row, `${path}.`))
    if (isRow(entry)) return documentPathsOf(entry, `${path}.`)
    return [path]
  })
}

/**
 * How a typed test fixture and a collection's fields differ, by data path
 * (`practiceActivity.title`, `steps.minutes`). A field renamed in the
 * collection shows up on both sides, so a mapping test that checks this
 * fails at run time as well as at type-check time. Fixtures give every
 * list at least one row, so that its row fields are checked too.
 */
export function fieldMismatchOf(collection: Pick<CollectionConfig, 'fields'>, fixture: object): { missingFromFixture: string[]; notInCollection: string[] } {
  const fields = new Set(fieldPathsOf(collection.fields, ''))
  const held = new Set(documentPathsOf(fixture, ''))
  return {
    missingFromFixture: [...fields].filter((path) => !held.has(path)).sort(),
    notInCollection: [...held].filter((path) => !fields.has(path)).sort(),
  }
}
