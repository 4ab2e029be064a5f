import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'
import { withFieldErrorsUntilEdited } from './withFieldErrorsUntilEdited'

const errorOf = (field: Field | undefined) => (field as { admin?: { components?: { Error?: unknown } } } | undefined)?.admin?.components?.Error

describe('withFieldErrorsUntilEdited', () => {
  it('gives fields inside rows, groups, arrays and tabs the lasting error, and keeps a field’s own', () => {
    const fields = withFieldErrorsUntilEdited([
      { type: 'row', fields: [{ name: 'sequence', type: 'number', admin: { description: '教学顺序' } }] },
      { name: 'practice', type: 'group', fields: [{ name: 'title', type: 'text' }] },
      { name: 'objectives', type: 'array', fields: [{ name: 'text', type: 'text' }] },
      { type: 'tabs', tabs: [{ label: '正文', fields: [{ name: 'body', type: 'textarea' }] }] },
      { name: 'custom', type: 'text', admin: { components: { Error: '/own#Error' } } },
    ])
    const [row, group, array, tabs, custom] = fields as [{ fields: Field[] }, { fields: Field[] }, { fields: Field[] }, { tabs: { fields: Field[] }[] }, Field]
    const lasting = '/admin/review/FieldErrorUntilEdited#FieldErrorUntilEdited'
    expect(errorOf(row.fields[0])).toBe(lasting)
    expect((row.fields[0] as { admin?: { description?: string } }).admin?.description).toBe('教学顺序')
    expect(errorOf(group.fields[0])).toBe(lasting)
    expect(errorOf(array.fields[0])).toBe(lasting)
    expect(errorOf(tabs.tabs[0]?.fields[0])).toBe(lasting)
    expect(errorOf(custom)).toBe('/own#Error')
  })
})
