import { describe, expect, it } from 'vitest'
import negative from './fixtures/personalInformation.negative.json'
import positive from './fixtures/personalInformation.positive.json'
import { fixtureValue, type FixtureText } from './fixtures/lexicalFixture'
import { describeFindings, findPersonalInformation, type PersonalInformationKind } from './findPersonalInformation'
import { publishableTextOf } from './publishableTextOf'

const positiveCases = positive.cases as { issue?: boolean; kind: PersonalInformationKind; text: FixtureText }[]
const label = (text: FixtureText) => (typeof text === 'string' ? text : `${text.richText}: ${text.text}`)
const kindsIn = (text: FixtureText) => findPersonalInformation(publishableTextOf(fixtureValue(text))).map((finding) => finding.kind)

describe('findPersonalInformation', () => {
  it('has every form from issue 12, at least 20 more variants and at least 30 ordinary texts', () => {
    expect(positiveCases.filter((entry) => entry.issue).length).toBeGreaterThanOrEqual(22)
    expect(positiveCases.filter((entry) => !entry.issue).length).toBeGreaterThanOrEqual(20)
    expect(negative.cases.length).toBeGreaterThanOrEqual(30)
  })

  it.each(positiveCases.map((entry) => [entry.kind, label(entry.text), entry] as const))('finds a %s in 「%s」', (kind, _label, entry) => {
    expect(kindsIn(entry.text)).toContain(kind)
  })

  it.each(negative.cases)('passes 「%s」', (text) => {
    expect(findPersonalInformation(text)).toEqual([])
  })

  it('masks what it found and says where, so the error message does not repeat it', () => {
    const findings = findPersonalInformation('电话13812345678')
    expect(findings).toEqual([{ kind: 'mobile-phone', masked: '1＊＊＊＊＊＊＊＊＊8', position: 3 }])
    expect(describeFindings('背景', findings)).toMatch(/^「背景」中疑似含有个人信息：手机号「1＊+8」（第 3 字起）/)
  })

  it('masks a spaced name whole', () => {
    expect(findPersonalInformation('刘 洋 初二(3)班')[0]?.masked).toBe('＊＊（初二(3)班）')
  })

  it('reads a long text in linear time', () => {
    const text = '三年级二班的家长会，孩子们1 3 5 7 9。'.repeat(2_000) + '张'.repeat(20_000) + '1-'.repeat(10_000)
    const started = performance.now()
    findPersonalInformation(text)
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})
