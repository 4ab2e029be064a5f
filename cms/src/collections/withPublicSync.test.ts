import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { describe, expect, it } from 'vitest'
import { syncSearchAfterChange, syncSearchAfterDelete } from '../hooks/syncPublicSearch'
import { withPublicSync } from './withPublicSync'

describe('withPublicSync', () => {
  it('adds the search and export sync after the collection’s own hooks, keeping the others', () => {
    const ownAfterChange: CollectionAfterChangeHook = ({ doc }) => doc
    const ownAfterDelete: CollectionAfterDeleteHook = ({ doc }) => doc
    const beforeValidate = [() => undefined]
    const synced = withPublicSync({ slug: 'lessons', fields: [], hooks: { beforeValidate, afterChange: [ownAfterChange], afterDelete: [ownAfterDelete] } })
    expect(synced.hooks?.afterChange).toEqual([ownAfterChange, syncSearchAfterChange])
    expect(synced.hooks?.afterDelete).toEqual([ownAfterDelete, syncSearchAfterDelete])
    expect(synced.hooks?.beforeValidate).toBe(beforeValidate)
  })
})
