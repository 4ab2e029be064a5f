import { parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { expandedFieldCount } from './expandedFieldCount'

describe('expandedFieldCount', () => {
  it('counts fields, inline fragments and spread fragments', () => {
    expect(expandedFieldCount(parse('{ a { b c } d }'))).toBe(4)
    expect(expandedFieldCount(parse('{ a { ...F ... on T { e } } } fragment F on T { b c }'))).toBe(4)
  })

  it('measures fragments that double at every level without expanding them', () => {
    const levels = 40
    const fragments = Array.from({ length: levels }, (_, index) => `fragment F${index} on T { ...F${index + 1} ...F${index + 1} }`).join(' ')
    const query = `{ a { ...F0 } } ${fragments} fragment F${levels} on T { x }`
    expect(expandedFieldCount(parse(query))).toBe(1 + 2 ** levels)
  })

  it('does not loop on a fragment that spreads itself', () => {
    expect(expandedFieldCount(parse('{ a { ...F } } fragment F on T { b ...F }'))).toBe(2)
  })
})
