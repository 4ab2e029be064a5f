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

// The most common single and compound surnames; a name is a surname plus one or two characters.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '夏侯', '司徒']
// Words that follow a surname but make it a title or relation, not a child's name.
const NOT_A_GIVEN_NAME = /^(?:老师|阿姨|叔叔|奶奶|爷爷|姥姥|姥爷|外婆|外公|女士|先生|同学|家长|校长|主任|医生|大夫|师傅|某|氏|[在是的了读也都和就上到从去为被把给向对])/

const HAN = '[\\u4e00-\\u9fff]'
const NUMERAL = '[一二三四五六七八九十\\d０-９]'
const CLASS_MARKER =
  `(?:(?:${NUMERAL}{1,2}|[初高][一二三])\\s*年?级?\\s*[（(]?\\s*${NUMERAL}{1,2}\\s*[)）]?\\s*班` +
  `|(?:(?![的了上去到在是和读回进])${HAN}){2,12}(?:小学|中学|幼儿园))`
const SURNAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])`
// A name, at most a few linking characters, then a class or school marker.
const NAMED_CHILD = new RegExp(`(${SURNAME})(${HAN}{1,2})[\\s，,、：:（(]{0,2}(?:是|在|读|就读于|来自)?[\\s，,、：:]{0,2}(${CLASS_MARKER})`, 'g')

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
