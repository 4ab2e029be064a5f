import { contentTypes as contractContentTypes } from '@gongyu/contract'
import { describe, expect, it } from 'vitest'
import { contentTypes, publicCollections, toPublicRecord } from './contentTypes'
import { fakeRecordLookups } from './testing/fakeRecordLookups'
import { richText } from './testing/richText'

describe('the content-type registry', () => {
  it('maps each content type of the contract from exactly one collection', () => {
    const types = Object.values(publicCollections)
    expect(new Set(types).size).toBe(types.length)
    expect([...types].sort()).toEqual(contractContentTypes.map((type) => type.code).sort())
  })

  it('keys each content type by the slug of its collection', () => {
    for (const [slug, entry] of Object.entries(contentTypes)) expect(entry.collection.slug).toBe(slug)
  })

  it('names each collection with the record type of its entry', () => {
    for (const [collection, entry] of Object.entries(contentTypes)) expect(publicCollections[collection as keyof typeof publicCollections]).toBe(entry.type)
  })

  it('sends each document to the mapping of its collection', () => {
    const record = toPublicRecord(
      'activity-plans',
      {
        id: 1,
        title: '清明踏青',
        occasion: 'qingming',
        month: 4,
        stages: ['primary'],
        overview: richText('一起去踏青。'),
        goals: [{ text: '亲近自然' }],
        steps: [{ title: '出发', detail: '带上水。' }],
        safetyNotes: [{ text: '注意防晒' }],
        slug: 'qingming-walk',
        reviewState: 'approved',
        updatedAt: '2026-04-01T08:00:00.000Z',
        createdAt: '2026-03-01T08:00:00.000Z',
        _status: 'published',
      },
      fakeRecordLookups(),
    )
    expect(record).toMatchObject({ id: 'activity-plan:qingming-walk', type: 'activity-plan', month: 4 })
  })
})
