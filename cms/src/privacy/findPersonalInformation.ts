import { DIGIT_SEPARATOR, normalizeForPrivacyCheck } from './normalizeForPrivacyCheck'
import { NOT_A_GIVEN_NAME, SURNAME } from './personalNames'
import { PINYIN_NAME } from './pinyinNames'

/** The kinds of personal information the check looks for. */
export type PersonalInformationKind = 'id-card' | 'mobile-phone' | 'named-child-in-class' | 'student-number' | 'home-address' | 'social-account'

/** One piece of text that looks like a child's personal information. */
export interface PersonalInformationFinding {
  kind: PersonalInformationKind
  /** The matched text with most of it masked, safe to show in an error message. */
  masked: string
  /** Where it starts in the text, counted in characters from 1. */
  position: number
}

interface Span {
  kind: PersonalInformationKind
  start: number
  end: number
  /** What to show instead of the masked match (the class of a named child). */
  suffix?: string
}

const HAN = '[\\u4e00-\\u9fff]'
const NUMERAL = '[一二三四五六七八九十\\d]'

// A run of digit groups, separated by at most three separator characters (138 1234 5678, 110105-20150312-123X).
const DIGIT_CLUSTER = new RegExp(`\\d+[Xx]?(?:${DIGIT_SEPARATOR}{1,3}\\d+[Xx]?)*`, 'g')
const DIGIT_GROUP = /\d+[Xx]?/g
const MOBILE_PHONE = /^(?:0{0,2}86)?1[3-9]\d{9}$/
// Province codes of mainland resident IDs (11 Beijing … 65 Xinjiang, 71 Taiwan, 81–83 Hong Kong, Macao and the 2024 codes).
const PROVINCE = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/

function isPlausibleBirthDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return year >= 1900 && year <= new Date().getUTCFullYear() && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * A resident ID: 18 characters (area, birth date YYYYMMDD, sequence, check
 * digit) or the old 15-digit form (birth date YYMMDD). The check digit is
 * deliberately not required: a number with one wrong digit still identifies
 * a child, so a valid province and a real birth date are enough.
 */
function isIdNumber(digits: string): boolean {
  if (!PROVINCE.test(digits)) return false
  if (/^\d{17}[\dXx]$/.test(digits)) return isPlausibleBirthDate(Number(digits.slice(6, 10)), Number(digits.slice(10, 12)), Number(digits.slice(12, 14)))
  if (/^\d{15}$/.test(digits)) return isPlausibleBirthDate(1900 + Number(digits.slice(6, 8)), Number(digits.slice(8, 10)), Number(digits.slice(10, 12)))
  return false
}

/** ID and mobile numbers: consecutive digit groups of one cluster that together form one, starting and ending at a group boundary. */
function findNumbers(text: string): Span[] {
  const spans: Span[] = []
  for (const cluster of text.matchAll(DIGIT_CLUSTER)) {
    const groups = [...cluster[0].matchAll(DIGIT_GROUP)].map((group) => ({
      text: group[0],
      start: cluster.index + group.index,
      end: cluster.index + group.index + group[0].length,
    }))
    for (let first = 0; first < groups.length; first += 1) {
      let best: { last: number; kind: PersonalInformationKind } | undefined
      let digits = ''
      for (let last = first; last < groups.length && digits.length <= 20; last += 1) {
        digits += groups[last]?.text ?? ''
        if (isIdNumber(digits)) best = { last, kind: 'id-card' }
        else if (MOBILE_PHONE.test(digits)) best = { last, kind: 'mobile-phone' }
      }
      if (!best) continue
      spans.push({ kind: best.kind, start: groups[first]?.start ?? 0, end: groups[best.last]?.end ?? 0 })
      first = best.last
    }
  }
  return spans
}

const GRADE_CLASS = `(?:${NUMERAL}{1,2}|[初高][一二三])\\s*年?级?\\s*[(]?\\s*${NUMERAL}{1,2}\\s*[)]?\\s*班`
// A named school; generic phrases (一所乡镇小学, 当地中学) start with a quantifier or a place word, and a school name holds no verbs or particles.
const SCHOOL =
  `(?!(?:一所|这所|那所|某|本|当地|附近|所在|一个|乡镇|村里|镇上|县里|城里))` +
  `(?:(?![的了上去到在是和读回进所可请邀对帮把让给向从与跟往参观聊练习前教像会要想说利用化这那个])${HAN}){2,12}(?:小学|中学|幼儿园)`
const CLASS_MARKER = `(?:${GRADE_CLASS}|${SCHOOL})`
const LINK_TO_CLASS = '(?:是|在|读|就读于|来自)'
// Given names never contain place words (于城区 is not a name).
const GIVEN_NAME = '(?:(?![区县市镇村省乡城])[\\u4e00-\\u9fff]){1,2}'
// Lazy before a class, so 刘洋初二(3)班 reads as 刘洋 + 初二(3)班, not 刘洋初 + 二(3)班.
const GIVEN_NAME_BEFORE_CLASS = `${GIVEN_NAME}?`
// A name, at most a few linking characters, then a class or school marker: 张小明三年级二班, 李华就读于某某小学.
// A school needs a link (李欣怡就读于…, 李欣怡，青山小学) so that 阳光花园幼儿园 is not read as 阳光 + 花园幼儿园.
const NAME_THEN_CLASS = new RegExp(
  `(${SURNAME})(${GIVEN_NAME_BEFORE_CLASS})(?:[\\s,、:(]{0,2}${LINK_TO_CLASS}?[\\s,、:]{0,2}(${GRADE_CLASS})|(?:[\\s,、:(]{1,2}${LINK_TO_CLASS}?|${LINK_TO_CLASS})[\\s,、:]{0,2}(${SCHOOL}))`,
  'g',
)
// What may follow a name that comes after its class: the end of the text or a clause, or a word that starts the predicate.
const AFTER_NAME = `(?=$|[^\\u4e00-\\u9fff]|同学|是|在|和|与|跟|说|的|今年|因为|平时|经常|最近|一直|从小|家|成绩|上课|性格|妈妈|爸爸|父母|奶奶|爷爷)`
// Two-character words that start with a surname character and can follow 某班的 without being a name.
const COMMON_WORDS =
  /^(?:全体|全班|全部|全校|任课|任务|任何|高年|方法|方面|时间|时候|程度|管理|安全|安排|关系|关于|关注|关心|周末|周围|包括|单元|常规|车辆|师生|项目|连续|商店|成绩|成长|成员|游戏|路上|古诗|温暖|祝福|卫生|司机|申请|解决|明天|文艺|文化|齐心|毕业|童年|纪律|许多|农村|焦虑|符合|颜色|舒适|计划|孙子|马上|何时|高兴|谢谢|曾经|于是|陆续|范围|夏天|付出|房间|简单|宁静|冷静|费用|米饭|沙发|荣誉|巩固|明白|迟到|和睦|易懂)/
// A class or school, then the name: 三年级二班的张小明, 青山镇中心小学的李欣怡.
const CLASS_THEN_NAME = new RegExp(`(${CLASS_MARKER})(?:的|里的|里|中的|有个|有位|学生|同学)?[\\s,:]{0,2}(${SURNAME})(${GIVEN_NAME})${AFTER_NAME}`, 'g')
// A Pinyin name next to a class, grade or school: Zhang Xiaoming, Class 3 Grade 2; zhangxiaoming 三年级.
const PINYIN_CLASS = `(?:(?:class|grade|year)\\s*\\d{1,2}|(?:${NUMERAL}{1,2}|[初高][一二三])\\s*年级|${CLASS_MARKER}|(?:primary|middle|high)\\s+school)`
const PINYIN_CONNECTOR = `(?:[\\s,、:(\\-]|\\b(?:is|in|from|of|at|the|a|student|pupil)\\b){0,8}`
const PINYIN_NAME_WITH_CLASS = new RegExp(
  `(${PINYIN_NAME})${PINYIN_CONNECTOR}${PINYIN_CLASS}|${PINYIN_CLASS}${PINYIN_CONNECTOR}(${PINYIN_NAME})(?![A-Za-z])`,
  'gi',
)

const STUDENT_NUMBER = /(?:学号|学籍号|学籍编号|学生编号|考号|准考证号|借书证号|校园卡号|一卡通号)\s*(?:是|为|:)?\s*[A-Za-z]{0,3}\d[\dA-Za-z-]{3,}/g
const SOCIAL_ACCOUNT =
  /(?<![A-Za-z])(?:微信号?码?|微信id|wechat(?:\s*id)?|weixin|wx|vx|v信|薇信|威信|qq(?:号码?|群号?)?|扣扣号?|企鹅号)\s*(?:号码?|id)?\s*(?:是|为|:)?\s*(?:[A-Za-z][A-Za-z0-9_-]{5,19}|\d{5,12})(?![A-Za-z0-9_])/gi
const ADDRESS_NUMBER = '(?:\\d+|[一二三四五六七八九十〇零两]+)'
const HOME_ADDRESSES = [
  // 3号楼2单元501室, 5栋1单元302, 12幢301室
  new RegExp(
    `${ADDRESS_NUMBER}\\s*(?:号楼|栋|幢|座|号院)\\s*(?:${ADDRESS_NUMBER}\\s*(?:单元|号门))?\\s*(?:${ADDRESS_NUMBER}\\s*层)?\\s*(?:\\d{3,4}\\s*(?:室|号|户|房)?|${ADDRESS_NUMBER}\\s*(?:室|户))`,
    'g',
  ),
  // 幸福小区3-2-501
  /(?:小区|花园|公寓|新村|家园|苑|大院|家属院|宿舍)\s*\d{1,3}\s*-\s*\d{1,2}\s*-\s*\d{3,4}/g,
  // 青山村3组12号
  new RegExp(`(?:村|屯)\\s*${ADDRESS_NUMBER}\\s*(?:组|社)\\s*${ADDRESS_NUMBER}\\s*号`, 'g'),
  // 家庭住址：…, 住在幸福小区
  /(?:家庭住址|家庭地址|现住址|住址|家住)\s*:\s*\S{2,}/g,
  new RegExp(`(?:家住|住在)(?:(?![的个些])${HAN}){1,12}?(?:小区|花园|公寓|新村|家园|家属院|家属楼|大院)`, 'g'),
]

function patternSpans(text: string, kind: PersonalInformationKind, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((match) => ({ kind, start: match.index, end: match.index + match[0].length }))
}

function namedChildSpans(text: string): Span[] {
  const spans: Span[] = []
  for (const match of text.matchAll(NAME_THEN_CLASS)) {
    const [, surname = '', givenName = '', gradeClass, school] = match
    const marker = gradeClass ?? school ?? ''
    if (NOT_A_GIVEN_NAME.test(givenName)) continue
    spans.push({ kind: 'named-child-in-class', start: match.index, end: match.index + surname.length + givenName.length, suffix: marker })
  }
  for (const match of text.matchAll(CLASS_THEN_NAME)) {
    const [whole, marker = '', surname = '', givenName = ''] = match
    if (NOT_A_GIVEN_NAME.test(givenName) || COMMON_WORDS.test(surname + givenName)) continue
    const start = match.index + whole.length - surname.length - givenName.length
    spans.push({ kind: 'named-child-in-class', start, end: start + surname.length + givenName.length, suffix: marker })
  }
  for (const match of text.matchAll(PINYIN_NAME_WITH_CLASS)) {
    const name = match[1] ?? match[2] ?? ''
    const start = match.index + match[0].indexOf(name)
    spans.push({
      kind: 'named-child-in-class',
      start,
      end: start + name.length,
      suffix: match[0].replace(name, '').replace(/^[\s,、:(-]+|[\s,、:(-]+$/g, ''),
    })
  }
  return spans
}

function mask(text: string): string {
  const characters = [...text.replace(/\s+/g, '')]
  if (characters.length <= 2) return '＊'.repeat(characters.length)
  return characters[0] + '＊'.repeat(characters.length - 2) + characters[characters.length - 1]
}

/**
 * Finds text that looks like a child's personal information: a mainland ID
 * number, a mobile number, a full name next to a class or school (in either
 * order, in characters or Pinyin), a student number, a home address, or a
 * WeChat or QQ account. The text is normalized first (see
 * `normalizeForPrivacyCheck`), so full-width, Arabic-Indic and Chinese
 * numerals, zero-width characters and odd separators do not hide anything.
 */
export function findPersonalInformation(text: string): PersonalInformationFinding[] {
  const visual = inDisplayOrder(text)
  const findings = findIn(text)
  if (visual === text) return findings
  const seen = new Set(findings.map((finding) => `${finding.kind}:${finding.position}`))
  return [...findings, ...findIn(visual).filter((finding) => !seen.has(`${finding.kind}:${finding.position}`))]
}

const RIGHT_TO_LEFT_OVERRIDE = /\u202e([^\u202c\u2069\n]*)/g

/** The text as a reader sees it: a right-to-left override (U+202E) shows 87654321831 as 13812345678. Same length, so positions still hold. */
function inDisplayOrder(text: string): string {
  return text.replace(RIGHT_TO_LEFT_OVERRIDE, (_whole, reversed: string) => `\u202e${[...reversed].reverse().join('')}`)
}

function findIn(text: string): PersonalInformationFinding[] {
  const normalized = normalizeForPrivacyCheck(text)
  const spans = [
    ...findNumbers(normalized.text),
    ...namedChildSpans(normalized.text),
    ...patternSpans(normalized.text, 'student-number', STUDENT_NUMBER),
    ...patternSpans(normalized.text, 'social-account', SOCIAL_ACCOUNT),
    ...HOME_ADDRESSES.flatMap((pattern) => patternSpans(normalized.text, 'home-address', pattern)),
  ]
  const seen = new Set<string>()
  return spans
    .sort((a, b) => a.start - b.start)
    .flatMap((span) => {
      const start = normalized.origin[span.start] ?? 0
      const end = normalized.origin[span.end] ?? text.length
      const key = `${span.kind}:${start}`
      if (seen.has(key)) return []
      seen.add(key)
      const masked = mask(text.slice(start, end)) + (span.suffix ? `（${span.suffix}）` : '')
      return [{ kind: span.kind, masked, position: [...text.slice(0, start)].length + 1 }]
    })
}

const kindLabels: Record<PersonalInformationKind, string> = {
  'id-card': '身份证号',
  'mobile-phone': '手机号',
  'named-child-in-class': '孩子的真实姓名和班级或学校',
  'student-number': '学号',
  'home-address': '家庭住址',
  'social-account': '微信号或QQ号',
}

/** A Chinese explanation of what was found, where, and how to fix it. */
export function describeFindings(fieldLabel: string, findings: PersonalInformationFinding[]): string {
  const found = findings.map((finding) => `${kindLabels[finding.kind]}「${finding.masked}」（第 ${finding.position} 字起）`).join('、')
  return `「${fieldLabel}」中疑似含有个人信息：${found}。公开内容必须匿名：请删除证件号、电话、学号、住址和微信或QQ号，孩子用化名（如“小宇（化名）”）或“孩子”称呼，不要写真实姓名和班级、学校。`
}
