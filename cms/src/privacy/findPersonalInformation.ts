import { NOT_A_GIVEN_NAME, SURNAME } from './personalNames'

/** One piece of text that looks like a child's personal information. */
export interface PersonalInformationFinding {
  kind: 'id-card' | 'mobile-phone' | 'named-child-in-class'
  /** The matched text with most of it masked, safe to show in an error message. */
  masked: string
}

// Mainland resident ID: 6-digit area code, birth date, 3-digit sequence, check digit.
const ID_CARD = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g
// Mainland mobile numbers, optionally with +86 and with spaces or hyphens between groups.
const MOBILE_PHONE = /(?<![0-9])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![0-9])/g

const HAN = '[\\u4e00-\\u9fff]'
const NUMERAL = '[一二三四五六七八九十\\d０-９]'
const CLASS_MARKER =
  `(?:(?:${NUMERAL}{1,2}|[初高][一二三])\\s*年?级?\\s*[（(]?\\s*${NUMERAL}{1,2}\\s*[)）]?\\s*班` +
  // A named school; generic phrases (一所乡镇小学, 当地中学) start with a quantifier or a place word.
  `|(?!(?:一所|这所|那所|某|本|当地|附近|所在|一个|乡镇|村里|镇上|县里|城里))(?:(?![的了上去到在是和读回进所])${HAN}){2,12}(?:小学|中学|幼儿园))`
// A name, at most a few linking characters, then a class or school marker.
// Given names never contain place words (于城区 is not a name).
const GIVEN_NAME = '(?:(?![区县市镇村省乡城])[\\u4e00-\\u9fff]){1,2}'
const NAMED_CHILD = new RegExp(`(${SURNAME})(${GIVEN_NAME})[\\s，,、：:（(]{0,2}(?:是|在|读|就读于|来自)?[\\s，,、：:]{0,2}(${CLASS_MARKER})`, 'g')

function mask(text: string): string {
  const characters = [...text]
  if (characters.length <= 2) return '＊'.repeat(characters.length)
  return characters[0] + '＊'.repeat(characters.length - 2) + characters[characters.length - 1]
}

/**
 * Finds text that looks like a child's personal information: a mainland
 * ID-card number, a mobile phone number, or a full name directly followed by
 * a class or school marker (张小明三年级二班, 李华就读于某某小学).
 */
export function findPersonalInformation(text: string): PersonalInformationFinding[] {
  const normalized = text.normalize('NFKC')
  const findings: PersonalInformationFinding[] = []
  for (const match of normalized.matchAll(ID_CARD)) findings.push({ kind: 'id-card', masked: mask(match[0]) })
  const withoutIds = normalized.replace(ID_CARD, ' ')
  for (const match of withoutIds.matchAll(MOBILE_PHONE)) findings.push({ kind: 'mobile-phone', masked: mask(match[0]) })
  for (const match of normalized.matchAll(NAMED_CHILD)) {
    const givenName = match[2] ?? ''
    if (NOT_A_GIVEN_NAME.test(givenName)) continue
    findings.push({ kind: 'named-child-in-class', masked: mask(`${match[1]}${givenName}`) + `（${match[3]}）` })
  }
  return findings
}

const kindLabels: Record<PersonalInformationFinding['kind'], string> = {
  'id-card': '身份证号',
  'mobile-phone': '手机号',
  'named-child-in-class': '孩子的真实姓名和班级或学校',
}

/** A Chinese explanation of what was found and how to fix it. */
export function describeFindings(fieldLabel: string, findings: PersonalInformationFinding[]): string {
  const found = findings.map((finding) => `${kindLabels[finding.kind]}「${finding.masked}」`).join('、')
  return `「${fieldLabel}」中疑似含有个人信息：${found}。案例必须匿名：请删除证件号和电话，孩子用化名（如“小宇（化名）”）或“孩子”称呼，不要写真实姓名和班级、学校。`
}
