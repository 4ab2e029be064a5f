/** What the phone took out of a query before sending it. */
export type ScrubbedKind = 'number' | 'email' | 'account' | 'name' | 'address'

export interface ScrubbedQuery {
  /** The query without anything that looked personal, white space folded. */
  query: string
  /** What was taken out, each kind once, so the page can tell the parent. */
  removed: ScrubbedKind[]
}

// Common surnames: a surname and one or two characters before 同学/小朋友 reads as a child's name.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const HAN = '[\\u3400-\\u9fff]'

const PATTERNS: [ScrubbedKind, RegExp][] = [
  ['email', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  // A WeChat or QQ account after its name: 微信 abc_123, QQ号：12345.
  ['account', /(?:微信号?|weixin|wechat|wx|vx|v信|qq号?|扣扣)\s*[:：]?\s*[A-Za-z0-9_-]{5,20}/gi],
  // Six digits or more, with spaces, dots or dashes between them: phone, ID, student and QQ numbers (138 1234 5678, 110105-2015…X).
  ['number', /\d(?:[\s.\-_/]*\d){5,}(?:[\s.\-_/]*[xX])?/g],
  // The same said in Chinese numerals (幺三八…): seven or more in a row.
  ['number', /[零〇一二三四五六七八九幺两洞]{7,}/g],
  // Whoever is named: 我叫…, 孩子叫…, 名字是…, 姓王.
  ['name', new RegExp(`(?<=(?:我|孩子|儿子|女儿|宝宝|娃|他|她)(?:的名字)?(?:叫|名叫)|名字(?:是|叫)|姓名[:：]?)\\s*${HAN}{1,3}`, 'g')],
  ['name', new RegExp(`[${SURNAMES}]${HAN}{1,2}(?=同学|小朋友)`, 'g')],
  // Where someone lives: 住在幸福小区3栋, 家住…, 住址…
  ['address', new RegExp(`(?:住在|家住|住址[:：]?|地址[:：]?)\\s*${HAN}{1,12}?(?:小区|花园|公寓|新村|家园|大院|村|栋|楼|号|$)`, 'g')],
]

/**
 * Takes out of a search query, on the phone, what could identify a family
 * before 没找到？告诉我们 sends it (issue 17): phone, ID and other long
 * numbers (also in Chinese numerals), emails, WeChat or QQ accounts, names
 * after 我叫 or before 同学, and home addresses. The CMS checks again with
 * its own personal-information check and refuses what is left.
 */
export function scrubQuery(text: string): ScrubbedQuery {
  let query = text.normalize('NFKC')
  const removed = new Set<ScrubbedKind>()
  for (const [kind, pattern] of PATTERNS) {
    query = query.replace(pattern, () => {
      removed.add(kind)
      return ' '
    })
  }
  return { query: query.replace(/\s+/g, ' ').trim(), removed: [...removed] }
}
