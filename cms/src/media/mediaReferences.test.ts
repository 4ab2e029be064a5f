import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'
import { canReferToMedia, collectMediaReferences, noMediaReferences } from './mediaReferences'

const fields = [
  { name: 'title', type: 'text' },
  { name: 'video', type: 'upload', relationTo: 'videos' },
  { name: 'handouts', type: 'upload', relationTo: 'media', hasMany: true },
  { name: 'lesson', type: 'relationship', relationTo: 'lessons' },
  { name: 'either', type: 'relationship', relationTo: ['captions', 'lessons'], hasMany: true },
  { name: 'body', type: 'richText' },
  { name: 'steps', type: 'array', flattenedFields: [{ name: 'instructions', type: 'richText' }] },
  { name: 'extra', type: 'group', flattenedFields: [{ name: 'poster', type: 'upload', relationTo: 'media' }] },
] as unknown as FlattenedField[]

const lexical = (...children: unknown[]) => ({ root: { type: 'root', children: [{ type: 'paragraph', children }] } })

describe('collectMediaReferences', () => {
  it('finds upload fields, polymorphic relations and upload nodes in rich text, nested in arrays and groups', () => {
    const doc = {
      title: '12',
      video: 3,
      handouts: [4, { id: 5, filename: 'x.pdf' }],
      lesson: 6,
      either: [
        { relationTo: 'captions', value: 7 },
        { relationTo: 'lessons', value: 8 },
      ],
      body: lexical({ type: 'text', text: '9' }, { type: 'upload', relationTo: 'media', value: { id: 'abc' } }),
      steps: [{ instructions: lexical({ type: 'upload', relationTo: 'videos', value: 10 }) }],
      extra: { poster: 11 },
    }
    const found = collectMediaReferences(fields, doc, noMediaReferences())
    expect([...found.media.values()]).toEqual([4, 5, 'abc', 11])
    expect([...found.videos.values()]).toEqual([3, 10])
    expect([...found.captions.values()]).toEqual([7])
  })

  it('ignores empty values and tells which schemas can refer to media', () => {
    const found = collectMediaReferences(fields, { video: null, handouts: [], body: null }, noMediaReferences())
    expect(found.media.size + found.videos.size + found.captions.size).toBe(0)
    expect(canReferToMedia(fields)).toBe(true)
    expect(canReferToMedia([{ name: 'lesson', type: 'relationship', relationTo: 'lessons' }] as unknown as FlattenedField[])).toBe(false)
  })
})
