import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'
import { validateWhere } from './validateWhere'

const themeFields = [
  { name: 'slug', type: 'text' },
  { name: 'description', type: 'richText' },
] as unknown as FlattenedField[]

const fields = [
  { name: 'title', type: 'text' },
  { name: 'grade', type: 'select' },
  { name: 'minutes', type: 'number' },
  { name: 'createdAt', type: 'date' },
  { name: 'body', type: 'richText' },
  { name: 'meta', type: 'json' },
  { name: 'theme', type: 'relationship', relationTo: 'themes' },
  { name: 'steps', type: 'array', flattenedFields: [{ name: 'minutes', type: 'number' }] },
] as unknown as FlattenedField[]

const options = { fieldsOf: (slug: string) => (slug === 'themes' ? themeFields : undefined) }
const check = (where: unknown) => validateWhere(where, fields, options)

describe('validateWhere', () => {
  it.each([
    [{ grade: { equals: 'p3' } }],
    [{ createdAt: { greater_than: '2026-01-31' } }],
    [{ createdAt: { less_than: new Date() } }],
    [{ minutes: { greater_than_equal: '30' } }],
    [{ title: { in: 'a,b' } }],
    [{ title: { in: ['a', 'b'] } }],
    [{ title: { like: '家长' }, body: { exists: 'true' } }],
    [{ or: [{ grade: { equals: 'p3' } }, { 'theme.slug': { equals: 'reading' } }] }],
    // qs turns long lists into objects with numeric keys.
    [{ and: { 0: { grade: { equals: 'p3' } }, 1: { title: { exists: false } } } }],
    [{ 'steps.minutes': { less_than: 5 } }],
    // Unknown paths are Payload's to refuse (it answers 400 itself).
    [{ unknownField: { equals: 'x' } }],
  ])('accepts %j', (where) => {
    expect(check(where)).toBeNull()
  })

  it('refuses a date that does not parse', () => {
    expect(check({ createdAt: { greater_than: 'not-a-date' } })).toMatch(/不是有效日期/)
    expect(check({ createdAt: { in: ['2026-01-01', 'nope'] } })).toMatch(/不是有效日期/)
  })

  it('refuses an object where a value belongs', () => {
    expect(check({ title: { equals: { a: 'b' } } })).toMatch(/不能是对象/)
    expect(check({ title: { in: [{ a: 'b' }] } })).toMatch(/不能是对象/)
  })

  it('refuses paths into rich text or JSON, here or across a relationship', () => {
    expect(check({ 'body.root.children': { exists: 'true' } })).toMatch(/富文本或 JSON 字段“body”/)
    expect(check({ 'meta.a': { equals: 'b' } })).toMatch(/富文本或 JSON 字段“meta”/)
    expect(check({ 'theme.description.root': { exists: true } })).toMatch(/富文本或 JSON 字段“description”/)
  })

  it('refuses unknown operators, numbers that are not, and bad shapes', () => {
    expect(check({ title: { regex: '.*' } })).toMatch(/不支持的查询运算符“regex”/)
    expect(check({ minutes: { equals: 'ten' } })).toMatch(/必须是数字/)
    expect(check({ title: { exists: 'yes' } })).toMatch(/只能是 true 或 false/)
    expect(check({ title: 'x' })).toMatch(/后面要写运算符/)
    expect(check({ or: 'x' })).toMatch(/必须是一组查询条件/)
    expect(check({ 'title;drop': { equals: 'x' } })).toMatch(/字段名.*无效/)
    expect(check({ title: { near: '1,2' } })).toMatch(/不是地理位置字段/)
    expect(check('where')).toMatch(/写法不对/)
  })

  it('bounds the size and nesting of a where', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`f${index}`, { equals: 'x' }]))
    expect(check(many)).toMatch(/太多/)
    let deep: unknown = { title: { equals: 'x' } }
    for (let level = 0; level < 7; level += 1) deep = { and: [deep] }
    expect(check(deep)).toMatch(/嵌套太深/)
  })
})
