import type { Field, Payload } from 'payload'
import { describe, expect, it, vi } from 'vitest'
import { capQueryArguments } from '../hooks/capQueryArguments'
import { refuseOversizedInput } from '../hooks/refuseOversizedInput'
import { insertAnonymousRow } from './insertAnonymousRow'

const fields: Field[] = [
  { name: 'id', type: 'text' },
  { name: 'query', type: 'text', maxLength: 4, label: '搜索词' },
]

/** A Payload with one collection with the given create hooks, recording the adapter's inserts. */
function payloadWith(hooks: Record<string, unknown[]>) {
  const create = vi.fn(async () => ({}))
  const payload = { collections: { 'need-signals': { config: { hooks, fields } } }, db: { create } } as unknown as Payload
  return { payload, create }
}

// The two hooks buildGongyuConfig gives every collection.
const everyCollection = { beforeOperation: [capQueryArguments], beforeValidate: [refuseOversizedInput], beforeChange: [], afterChange: [] }

describe('insertAnonymousRow', () => {
  it('inserts the row through the adapter, asking nothing back', async () => {
    const { payload, create } = payloadWith(everyCollection)
    await insertAnonymousRow(payload, 'need-signals', { id: 'a', query: '厌学' })
    expect(create).toHaveBeenCalledWith({ collection: 'need-signals', data: { id: 'a', query: '厌学' }, returning: false })
  })

  it('refuses, in Chinese and with a 400, what the collection’s own check would: a control character, a value over the field’s limit', async () => {
    const { payload, create } = payloadWith(everyCollection)
    await expect(insertAnonymousRow(payload, 'need-signals', { id: 'a', query: '厌\u0007学' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('「搜索词」含有不可见的控制字符（U+0007）'),
    })
    await expect(insertAnonymousRow(payload, 'need-signals', { id: 'a', query: '株式会社株' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('最多 4 个字符'),
    })
    expect(create).not.toHaveBeenCalled()
  })

  it('refuses a collection with any other create hook, which the insert would skip', async () => {
    const { payload, create } = payloadWith({ ...everyCollection, beforeChange: [() => undefined] })
    await expect(insertAnonymousRow(payload, 'need-signals', { id: 'a' })).rejects.toThrow(/beforeChange/)
    expect(create).not.toHaveBeenCalled()
  })
})
