import { describe, expect, it } from 'vitest'
import { fixtureValue } from './fixtures/lexicalFixture'
import { publishableTextOf } from './publishableTextOf'

describe('publishableTextOf', () => {
  it('includes link URLs, decoded', () => {
    expect(publishableTextOf(fixtureValue({ richText: 'linkOnly', text: '打电话', url: 'tel:%2B8613812345678' }))).toContain('tel:+8613812345678')
  })

  it('includes rich text inside upload-node fields', () => {
    expect(publishableTextOf(fixtureValue({ richText: 'uploadFields', text: '照片', caption: '图注文字' }))).toContain('图注文字')
  })

  it('includes strings of a hand-made upload value', () => {
    const value = { root: { type: 'root', children: [{ type: 'upload', relationTo: 'media', value: { alt: '替代文字', url: 'x' } }] } }
    expect(publishableTextOf(value)).toContain('替代文字')
  })

  it('keeps paragraphs apart and joins text nodes within one', () => {
    const value = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '张小' },
              { type: 'text', text: '明' },
            ],
          },
          { type: 'paragraph', children: [{ type: 'text', text: '三年级' }] },
        ],
      },
    }
    expect(publishableTextOf(value)).toBe('张小明\n三年级')
  })
})
