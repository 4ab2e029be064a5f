// Common surnames in Hanyu Pinyin (without tones), compound ones first so they win over their first syllable.
const PINYIN_SURNAMES = [
  'ouyang', 'sima', 'zhuge', 'shangguan', 'dongfang', 'huangfu', 'situ', 'murong', 'gongsun', 'linghu', 'xiahou',
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'gao', 'lin',
  'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong', 'yuan', 'pan', 'yu',
  'jiang', 'cai', 'du', 'ye', 'cheng', 'su', 'wei', 'lv', 'lyu', 'lu', 'ding', 'ren', 'shen', 'yao', 'cui', 'zhong', 'tan', 'fan', 'jin',
  'shi', 'liao', 'jia', 'xia', 'fu', 'fang', 'bai', 'zou', 'meng', 'xiong', 'qin', 'qiu', 'yin', 'xue', 'yan', 'duan', 'lei', 'hou', 'long',
  'tao', 'he', 'gu', 'mao', 'hao', 'gong', 'shao', 'wan', 'qian', 'qiao', 'kong', 'kang', 'niu', 'ge', 'xing', 'an', 'qi', 'yi', 'ni',
  'zhuang', 'nie', 'lan', 'mo', 'bao', 'ning', 'shu', 'ke', 'ji', 'mei', 'tong', 'ling', 'bi', 'shan', 'pei', 'huo', 'tu', 'miao', 'sheng',
  'qu', 'weng', 'ran', 'lu', 'mu', 'nong', 'si', 'zhuo', 'gu', 'chai', 'meng', 'bao', 'hua', 'pu', 'fang', 'teng', 'rao', 'xie', 'ai', 'you',
]
const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])'
const FINAL = '(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ve|ui|un|uo|a|e|i|o|u|v)'
// A syllable: an initial and a final, or one of the few finals that stand alone (an, ai, e…).
const SYLLABLE = `(?:${INITIAL}${FINAL}|a|ai|an|ang|ao|e|ei|en|eng|er|o|ou)`
const SURNAME = `(?:${[...new Set(PINYIN_SURNAMES)].join('|')})`
// Given names are one or two syllables, written together or apart (Xiaoming, Xiao Ming, Xiao-ming).
const GIVEN = `${SYLLABLE}(?:[\\s-]?${SYLLABLE})?`

/** A full name in Pinyin, either order (Zhang Xiaoming, zhangxiaoming, Xiaoming Zhang), as a regular-expression source (use with the `i` flag). */
export const PINYIN_NAME = `(?<![A-Za-z])(?:${SURNAME}\\s?${GIVEN}|${GIVEN}\\s${SURNAME})(?![A-Za-z])`
