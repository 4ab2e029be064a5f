import { describe, expect, it } from 'vitest'
import { findPersonalInformation } from './findPersonalInformation'
import { REMOVED_MARK, removePersonalInformation } from './removePersonalInformation'

describe('removePersonalInformation', () => {
  it('removes a mobile number written with spaces and keeps the rest', () => {
    const result = removePersonalInformation('老师讲得很好，有问题打我电话 138 1234 5678 谢谢')
    expect(result.text).toBe(`老师讲得很好，有问题打我电话 ${REMOVED_MARK} 谢谢`)
    expect(result.removed).toEqual(['mobile-phone'])
  })

  it('removes an ID number and a phone number, leaving nothing the check still finds', () => {
    const text = '孩子身份证110105201503121234，家长电话13912345678。'
    const result = removePersonalInformation(text)
    expect(result.removed).toEqual(['id-card', 'mobile-phone'])
    expect(result.text).not.toMatch(/\d{6}/)
    expect(findPersonalInformation(result.text)).toEqual([])
  })

  it('leaves ordinary comments alone', () => {
    expect(removePersonalInformation('时间安排在周六上午很方便，希望多讲讲青春期沟通。')).toEqual({
      text: '时间安排在周六上午很方便，希望多讲讲青春期沟通。',
      removed: [],
    })
  })

  it('removes a named child with a class, whatever the order', () => {
    const result = removePersonalInformation('三年级二班的张小明最近进步很大')
    expect(result.removed).toEqual(['named-child-in-class'])
    expect(result.text).not.toContain('张小明')
  })
})
