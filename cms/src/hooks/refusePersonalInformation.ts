import { ValidationError, type CollectionBeforeValidateHook, type FlattenedField } from 'payload'
import { describeFindings, findPersonalInformation, type PersonalInformationKind } from '../privacy/findPersonalInformation'
import { publishableTextOf } from '../privacy/publishableTextOf'

interface RefusePersonalInformationOptions {
  /**
   * Kinds allowed in a field, by field name: an organization's own public
   * contact (its hotline, its WeChat account) in its description.
   */
  allow?: Record<string, PersonalInformationKind[]>
}

// Fields that never reach a reader: the generated slug and the reviewer's note to the editor, which may quote what to remove.
const UNPUBLISHED_FIELDS = new Set(['slug', 'reviewNote'])
// What Payload itself records about an uploaded file; the editor does not type these.
const UPLOAD_FILE_FIELDS = new Set(['filename', 'mimeType', 'url', 'thumbnailURL', 'prefix', 'sizes'])

type FieldError = { path: string; message: string }

function labelOf(field: FlattenedField): string {
  const label = 'label' in field ? field.label : undefined
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'zh' in label && typeof label.zh === 'string') return label.zh
  return field.name
}

function checkFields(fields: FlattenedField[], data: Record<string, unknown>, path: string, labelPrefix: string, options: RefusePersonalInformationOptions): FieldError[] {
  return fields.flatMap((field): FieldError[] => {
    if (UNPUBLISHED_FIELDS.has(field.name) || ('admin' in field && field.admin?.readOnly)) return []
    const value = data[field.name]
    const fieldPath = path ? `${path}.${field.name}` : field.name
    const label = `${labelPrefix}${labelOf(field)}`
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'richText': {
        const texts = Array.isArray(value) ? value : [value]
        const allowed = options.allow?.[field.name] ?? []
        const findings = texts.flatMap((text) => findPersonalInformation(publishableTextOf(text))).filter((finding) => !allowed.includes(finding.kind))
        return findings.length > 0 ? [{ path: fieldPath, message: describeFindings(label, findings) }] : []
      }
      case 'group':
      case 'tab':
        return value && typeof value === 'object' ? checkFields(field.flattenedFields, value as Record<string, unknown>, fieldPath, `${label} · `, options) : []
      case 'array':
        return (Array.isArray(value) ? value : []).flatMap((row, index) =>
          row && typeof row === 'object' ? checkFields(field.flattenedFields, row as Record<string, unknown>, `${fieldPath}.${index}`, `${label}第 ${index + 1} 项 · `, options) : [],
        )
      case 'blocks':
        return (Array.isArray(value) ? value : []).flatMap((row, index) => {
          const block = field.blocks.find((candidate) => candidate.slug === (row as { blockType?: unknown })?.blockType)
          return block ? checkFields(block.flattenedFields, row as Record<string, unknown>, `${fieldPath}.${index}`, `${label}第 ${index + 1} 项 · `, options) : []
        })
      default:
        return []
    }
  })
}

/**
 * Refuses any save — draft, publish, restore or partial update — whose
 * free text looks like it holds a child's personal information, naming each
 * field in Chinese. Walks every text, textarea and rich-text field of the
 * collection (inside groups, arrays, tabs and blocks) over the merged
 * document, so a new field is checked without being listed here and a
 * partial update cannot slip anything past it.
 */
export function refusePersonalInformation(options: RefusePersonalInformationOptions = {}): CollectionBeforeValidateHook {
  return ({ collection, data, originalDoc, req }) => {
    const merged: Record<string, unknown> = { ...(originalDoc ?? {}), ...(data ?? {}) }
    const fields = collection.upload ? collection.flattenedFields.filter((field) => !UPLOAD_FILE_FIELDS.has(field.name)) : collection.flattenedFields
    const errors = checkFields(fields, merged, '', '', options)
    if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
    return data
  }
}
