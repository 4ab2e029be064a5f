import { afterEach, describe, expect, it } from 'vitest'
import { setLearnedSynonymGroups } from '../text/synonyms.ts'
import { meiliSynonyms } from './meiliSettings.ts'

afterEach(() => setLearnedSynonymGroups([]))

/** The settings' synonyms by word, read as own properties only. */
const synonymsByWord = () => new Map(Object.entries(meiliSynonyms()))

describe('meiliSynonyms', () => {
  it('maps every word of a group to the others, across groups', () => {
    const synonyms = synonymsByWord()
    expect(synonyms.get('叛逆')).toEqual(['逆反', '顶嘴', '对着干'])
    // 手机 is in one group, 网瘾 in another: neither leaks into the other's.
    expect(synonyms.get('手机')).not.toContain('网瘾')
  })

  it('takes words editors accepted, even those that name object properties', () => {
    setLearnedSynonymGroups([
      ['constructor 课', '搭积木'],
      ['__proto__', 'toString', '叛逆'],
    ])
    const synonyms = synonymsByWord()
    expect(synonyms.get('constructor 课')).toEqual(['搭积木'])
    expect(synonyms.get('__proto__')).toEqual(['tostring', '叛逆'])
    expect(synonyms.get('tostring')).toEqual(['__proto__', '叛逆'])
    expect(synonyms.get('叛逆')).toEqual(['逆反', '顶嘴', '对着干', '__proto__', 'tostring'])
    // As sent to Meilisearch.
    expect(new Map(Object.entries(JSON.parse(JSON.stringify(meiliSynonyms())))).get('__proto__')).toEqual(['tostring', '叛逆'])
  })
})
