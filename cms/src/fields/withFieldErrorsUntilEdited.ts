import type { Field } from 'payload'
import { fieldErrorUntilEdited } from '../admin/review/reviewAdminComponents'

// Field types that render a field error of their own (and so accept `admin.components.Error`).
const WITH_ERROR = new Set(['text', 'textarea', 'number', 'email', 'select', 'relationship', 'upload', 'date', 'checkbox', 'radio', 'code', 'json', 'richText'])

/**
 * Gives every field, inside rows, groups, tabs, arrays and blocks, the error
 * component that keeps a refused save's reason at the field until it is
 * edited (`FieldErrorUntilEdited.tsx`). A field with an error component of
 * its own keeps it.
 */
export function withFieldErrorsUntilEdited(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withFieldErrorsUntilEdited(tab.fields) })) }
    if (field.type === 'blocks') {
      return {
        ...field,
        blocks: field.blocks.map((block) => (typeof block === 'string' ? block : { ...block, fields: withFieldErrorsUntilEdited(block.fields) })),
      }
    }
    if ('fields' in field && (field.type === 'row' || field.type === 'collapsible' || field.type === 'group' || field.type === 'array')) {
      return { ...field, fields: withFieldErrorsUntilEdited(field.fields) } as Field
    }
    if (!WITH_ERROR.has(field.type)) return field
    const admin = (field.admin ?? {}) as { components?: Record<string, unknown> }
    if (admin.components?.Error) return field
    return { ...field, admin: { ...admin, components: { ...admin.components, Error: fieldErrorUntilEdited } } } as Field
  })
}
