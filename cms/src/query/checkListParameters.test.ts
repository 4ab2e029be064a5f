import { describe, expect, it } from 'vitest'
import { checkListParameters } from './checkListParameters'

const read = { wholeListAllowed: false }

describe('checkListParameters', () => {
  it('accepts ordinary paging, as strings or as parsed numbers', () => {
    expect(checkListParameters({ limit: '20', page: '2', depth: '0' }, read)).toBeNull()
    expect(checkListParameters({ limit: 20, page: 2, depth: 1, pagination: true }, read)).toBeNull()
    expect(checkListParameters({}, read)).toBeNull()
  })

  it('leaves a large limit to be lowered, not refused', () => {
    expect(checkListParameters({ limit: 100000 }, read)).toBeNull()
  })

  it.each([[-1], ['-1'], ['abc'], [1.5], ['1e3'], [['1', '2']], ['']])('refuses limit=%j', (limit) => {
    expect(checkListParameters({ limit }, read)).toMatch(/limit 必须是 1 到 100 之间的整数/)
  })

  it('refuses reading everything at once on a list read, but not on a bulk edit', () => {
    expect(checkListParameters({ limit: 0 }, read)).toMatch(/不能一次读取全部/)
    expect(checkListParameters({ pagination: 'false' }, read)).toMatch(/不能关闭分页/)
    expect(checkListParameters({ pagination: false }, read)).toMatch(/不能关闭分页/)
    expect(checkListParameters({ limit: '0', pagination: false }, { wholeListAllowed: true })).toBeNull()
  })

  it.each([[{ page: 0 }], [{ page: 'x' }], [{ depth: -1 }], [{ depth: 'deep' }], [{ pagination: 'maybe' }]])('refuses %j', (query) => {
    expect(checkListParameters(query, read)).toEqual(expect.any(String))
  })
})
