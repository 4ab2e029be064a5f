import { describe, expect, it } from 'vitest'
import { looksLikePersonalName } from './personalNames'

describe('looksLikePersonalName', () => {
  it.each(['王建国', '李华', '欧阳娜娜', '张老师', '李华老师', '陈医生'])('treats %s as a person', (text) => {
    expect(looksLikePersonalName(text)).toBe(true)
  })
  it.each([
    '县家长学校讲师团',
    '县妇幼保健院儿童保健科',
    '社区心理辅导员',
    '幼儿园保健医生',
    '班主任',
    '高中心理教师',
    '特殊教育资源中心',
  ])('treats %s as an organization or role', (text) => {
    expect(looksLikePersonalName(text)).toBe(false)
  })
})
