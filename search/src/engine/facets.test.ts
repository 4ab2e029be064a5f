import { describe, expect, it } from 'vitest'
import { countFacets } from './facets.ts'
import type { SearchDocument } from './searchResponse.ts'

const withThemes = (themes: string[]) => ({ type: 'lesson', themes }) as unknown as SearchDocument

describe('countFacets', () => {
  it('counts theme slugs that name Object.prototype properties like any other slug', () => {
    const counts = countFacets([withThemes(['constructor', 'toString', '__proto__']), withThemes(['constructor', 'screen-time'])])
    expect(counts.theme.constructor).toBe(2)
    expect(counts.theme.toString).toBe(1)
    expect(Object.keys(counts.theme).sort()).toEqual(['__proto__', 'constructor', 'screen-time', 'toString'])
    expect(counts.theme.__proto__).toBe(1)
    expect(Object.entries(JSON.parse(JSON.stringify(counts)).theme).sort()).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
      ['screen-time', 1],
      ['toString', 1],
    ])
    expect(counts.type).toEqual({ lesson: 2 })
  })
})
