import { describe, expect, it } from 'vitest'
import { fillTemplate, readPageData } from './pageText.ts'

/** Just enough of an element for readPageData: its one JSON script, or none. */
const elementWith = (json: string | null) =>
  ({
    querySelector: (selector: string) => (selector === 'script[type="application/json"]' && json !== null ? { textContent: json } : null),
  }) as unknown as Element

describe('page text for custom elements', () => {
  it('fills named places, numbers included, and leaves unknown places as written', () => {
    expect(fillTemplate('{on}　{title}（{hours} 学时）{missing}', { on: '12月3日', title: '家长课', hours: 1.5 })).toBe('12月3日　家长课（1.5 学时）{missing}')
  })

  it('reads the JSON the page put inside the element, and an empty object when there is none', () => {
    expect(readPageData(elementWith(null))).toEqual({})
    expect(readPageData<{ labels: { done: string } }>(elementWith('{"labels":{"done":"学完了"}}')).labels.done).toBe('学完了')
  })
})
