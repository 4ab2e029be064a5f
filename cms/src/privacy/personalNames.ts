// The most common single and compound surnames; a name is a surname plus one or two characters.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '夏侯', '司徒']
// Words that follow a surname but make it a title or relation, not a child's name.
export const NOT_A_GIVEN_NAME =
  /^(?:老师|阿姨|叔叔|奶奶|爷爷|姥姥|姥爷|外婆|外公|女士|先生|同学|家长|校长|主任|医生|大夫|师傅|某|氏|[在是的了读也都和就上到从去为被把给向对])/

const HAN = '[\\u4e00-\\u9fff]'

/** A surname, single or compound, as a regular-expression source. */
export const SURNAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])`

const BARE_NAME = new RegExp(`^${SURNAME}(${HAN}{1,2})$`)
const NAME_WITH_TITLE = new RegExp(`^${SURNAME}${HAN}{0,2}(?:老师|医生|教授|博士|主任|校长|园长|女士|先生)$`)

/** True when the text reads as one person's name (王建国, 李华老师, 张老师) rather than an organization or a role. */
export function looksLikePersonalName(text: string): boolean {
  const trimmed = text.trim()
  if (NAME_WITH_TITLE.test(trimmed)) return true
  const givenName = BARE_NAME.exec(trimmed)?.[1]
  return givenName !== undefined && !NOT_A_GIVEN_NAME.test(givenName)
}
