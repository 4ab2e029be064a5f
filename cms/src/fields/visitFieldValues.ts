import type { FlattenedField } from 'payload'

/** Where a value sits in a document: its dotted path, and the labels of the fields around it (rows numbered), outermost first. */
export interface FieldLocation {
  path: string
  labels: string[]
}

type Visit = (field: FlattenedField, value: unknown, location: FieldLocation) => void

/** A field's Chinese label (or its name), for messages that name where a problem is. */
export function fieldLabel(field: FlattenedField): string {
  const label = 'label' in field ? field.label : undefined
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'zh' in label && typeof label.zh === 'string') return label.zh
  return field.name
}

/**
 * Calls `visit` with every field of a document that holds a value itself,
 * walking groups, named tabs, array rows and blocks by the collection's
 * schema. Fields for which `skip` says so are passed over with all they hold.
 */
export function visitFieldValues(
  fields: FlattenedField[],
  data: unknown,
  visit: Visit,
  skip: (field: FlattenedField) => boolean = () => false,
  at: FieldLocation = { path: '', labels: [] },
): void {
  if (!data || typeof data !== 'object') return
  const values = data as Record<string, unknown>
  for (const field of fields) {
    const value = values[field.name]
    if (value === null || value === undefined || skip(field)) continue
    const path = at.path ? `${at.path}.${field.name}` : field.name
    const label = fieldLabel(field)
    switch (field.type) {
      case 'group':
      case 'tab':
        visitFieldValues(field.flattenedFields, value, visit, skip, { path, labels: [...at.labels, label] })
        break
      case 'array':
      case 'blocks':
        for (const [index, row] of (Array.isArray(value) ? value : []).entries()) {
          const rowFields =
            field.type === 'array'
              ? field.flattenedFields
              : field.blocks.find((block) => block.slug === (row as { blockType?: unknown })?.blockType)?.flattenedFields
          if (rowFields) visitFieldValues(rowFields, row, visit, skip, { path: `${path}.${index}`, labels: [...at.labels, `${label}第 ${index + 1} 项`] })
        }
        break
      default:
        visit(field, value, { path, labels: [...at.labels, label] })
    }
  }
}
