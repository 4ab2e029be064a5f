import { describe, expect, it } from 'vitest'
import { scrubQuery } from './scrubQuery.ts'

describe('scrubQuery', () => {
  it('leaves an ordinary query as it is', () => {
    expect(scrubQuery('三年级 孩子厌学怎么办')).toEqual({ query: '三年级 孩子厌学怎么办', removed: [] })
    expect(scrubQuery('小升初 2026')).toEqual({ query: '小升初 2026', removed: [] })
  })

  it.each([
    ['孩子厌学 13812345678', '孩子厌学'],
    ['孩子厌学 138 1234 5678', '孩子厌学'],
    ['孩子厌学 １３８－１２３４－５６７８', '孩子厌学'],
    ['身份证11010520150312123X 入学', '身份证 入学'],
    ['电话幺三八一二三四五六七八', '电话'],
  ])('takes numbers out of %s', (input, expected) => {
    expect(scrubQuery(input)).toEqual({ query: expected, removed: ['number'] })
  })

  it('takes out emails and accounts', () => {
    expect(scrubQuery('作业拖拉 mum@example.cn').query).toBe('作业拖拉')
    expect(scrubQuery('作业拖拉 微信：abc_12345')).toEqual({ query: '作业拖拉', removed: ['account'] })
  })

  it('takes out names after 我叫 or before 同学', () => {
    expect(scrubQuery('我儿子叫王小明 不爱写作业')).toEqual({ query: '我儿子叫 不爱写作业', removed: ['name'] })
    expect(scrubQuery('李华同学打架')).toEqual({ query: '同学打架', removed: ['name'] })
  })

  it('takes out where a family lives', () => {
    expect(scrubQuery('住在幸福小区 孩子沉迷手机')).toEqual({ query: '孩子沉迷手机', removed: ['address'] })
  })
})
