import { describe, expect, it } from 'vitest'
import { describeFindings, findPersonalInformation } from './findPersonalInformation'

const kinds = (text: string) => findPersonalInformation(text).map((finding) => finding.kind)

describe('findPersonalInformation', () => {
  it.each([
    ['an 18-digit ID number', '身份证 110105201503077315 已登记', 'id-card'],
    ['an ID number ending in X', '证件号码：51010720120918123X', 'id-card'],
    ['a full-width ID number', '１１０１０５２０１５０３０７７３１５', 'id-card'],
    ['a mobile number', '联系电话13812345678', 'mobile-phone'],
    ['a mobile number with hyphens', '手机 138-1234-5678', 'mobile-phone'],
    ['a mobile number with +86 and spaces', '+86 139 1234 5678', 'mobile-phone'],
    ['a name and a class', '张小明三年级二班', 'named-child-in-class'],
    ['a name and a bracketed class', '王子涵（五年级3班）', 'named-child-in-class'],
    ['a name, a comma and a junior-high class', '刘洋，初二(1)班的学生', 'named-child-in-class'],
    ['a compound surname and a class', '欧阳娜娜在四年级一班', 'named-child-in-class'],
    ['a name and a school', '李欣怡就读于青山镇中心小学', 'named-child-in-class'],
  ])('finds %s', (_label, text, kind) => {
    expect(kinds(text)).toContain(kind)
  })

  it.each([
    ['a nickname with 化名', '小宇（化名）上三年级'],
    ['a role with a class', '孩子在三年级二班'],
    ['a teacher with a class', '王老师（三年级二班班主任）'],
    ['a grandmother', '李奶奶每天接送孙子上幼儿园'],
    ['a hotline', '拨打12355青少年服务热线'],
    ['a year and a count', '2019年，全县有1200名留守儿童'],
    ['an 11-digit number not starting with 1', '订单号 23812345678'],
    ['a long digit run that is no ID', '编号 9999999999999999999999'],
    ['a child going to school in general', '周末他们去了小学的操场'],
    ['a family name with 家', '张家的孩子上小学了'],
    ['a district and a generic school', '孩子随父母来到城区（一所乡镇小学转来）'],
    ['a generic local school', '孙子在当地中学读初一'],
  ])('passes %s', (_label, text) => {
    expect(findPersonalInformation(text)).toEqual([])
  })

  it('masks what it found so the error message does not repeat it', () => {
    const [finding] = findPersonalInformation('电话13812345678')
    expect(finding?.masked).not.toContain('12345678')
    expect(describeFindings('背景', findPersonalInformation('电话13812345678'))).toMatch(/「背景」中疑似含有个人信息：手机号/)
  })
})
