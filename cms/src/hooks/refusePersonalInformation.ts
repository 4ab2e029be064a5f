import { ValidationError, type CollectionBeforeValidateHook, type FlattenedField } from 'payload'
import { describeFindings, findPersonalInformation, type PersonalInformationKind } from '../privacy/findPersonalInformation'
import { publishableTextOf } from '../privacy/publishableTextOf'
import { visitFieldValues } from '../fields/visitFieldValues'

interface RefusePersonalInformationOptions {
  /**
   * Kinds allowed in a field, by field name: an organization's own public
   * contact (its hotline, its WeChat account) in its description.
   */
  allow?: Record<string, PersonalInformationKind[]>
}

// Fields that never reach a reader: the generated slug and the reviewer's note to the editor, which may quote what to remove.
// `id`: the id Payload gives each array row is random hex and never shown; now and then it holds eleven digits in a row.
const UNPUBLISHED_FIELDS = new Set(['slug', 'reviewNote', 'id'])
// What Payload itself records about an uploaded file; the editor does not type these.
const UPLOAD_FILE_FIELDS = new Set(['filename', 'mimeType', 'url', 'thumbnailURL', 'prefix', 'sizes'])

// `label` names the field in the admin's error summary (「摘要」), where the path alone is its English name.
type FieldError = { path: string; label: string; message: string }

function checkFields(fields: FlattenedField[], data: Record<string, unknown>, options: RefusePersonalInformationOptions): FieldError[] {
  const errors: FieldError[] = []
  const unpublished = (field: FlattenedField) => UNPUBLISHED_FIELDS.has(field.name) || Boolean('admin' in field && field.admin?.readOnly)
  visitFieldValues(
    fields,
    data,
    (field, value, { path, labels }) => {
      if (field.type !== 'text' && field.type !== 'textarea' && field.type !== 'richText') return
      const allowed = options.allow?.[field.name] ?? []
      const texts = Array.isArray(value) ? value : [value]
      const findings = texts.flatMap((text) => findPersonalInformation(publishableTextOf(text))).filter((finding) => !allowed.includes(finding.kind))
      if (findings.length > 0) errors.push({ path, label: labels.join(' · '), message: describeFindings(labels.join(' · '), findings) })
    },
    unpublished,
  )
  return errors
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
    const errors = checkFields(fields, merged, options)
    if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
    return data
  }
}
