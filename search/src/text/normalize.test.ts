import * as OpenCC from 'opencc-js/t2cn'
import { describe, expect, it } from 'vitest'
import { normalizeText, simplifiedForm } from './normalize.ts'

// Taiwan, Hong Kong and mainland text, variants and phrases that change length.
const samples = [
  '隔代教養：祖父母如何陪伴孫子女',
  '孩子沉迷網路影片，軟體裡的廣告怎麼辦？',
  '家長學校「一年四次八課」的課程與時間表',
  '青春期子女的情緒管理與親子溝通',
  '香港的家長：小朋友返學前嘅準備，記得帶齊文具',
  '著名的台灣教育學者談閱讀、寫作與數學',
  '臺北市立圖書館週末親子活動，免費參加',
  '隻字不提，吃飯時滑手機的習慣',
  '孩子玩手机怎么办', // already Simplified
  'ＡＢＣ full-width 123 and English words',
  '發現孩子說謊時，爸爸媽媽應該怎樣回應？裏面有幾個方法',
  '𠀾 surrogate pairs ⿰扌合 and emoji 👨‍👩‍👧',
]

const library = {
  fromTaiwanPhrases: OpenCC.Converter({ from: 'twp', to: 'cn' }),
  fromTaiwan: OpenCC.Converter({ from: 'tw', to: 'cn' }),
  fromHongKong: OpenCC.Converter({ from: 'hk', to: 'cn' }),
}

describe('Traditional → Simplified conversion with shared dictionaries', () => {
  it('gives exactly what opencc-js’s own converters give', () => {
    for (const text of samples) {
      expect(normalizeText(text)).toBe(
        library
          .fromHongKong(library.fromTaiwanPhrases(text.normalize('NFKC')))
          .toLowerCase()
          .replace(/\s+/g, ' ')
          .trim(),
      )
      expect(simplifiedForm(text)).toBe(library.fromHongKong(library.fromTaiwan(text)).toLowerCase())
    }
  })

  it('converts Taiwan’s words for matching and keeps positions for highlighting', () => {
    expect(normalizeText('網路影片')).toBe('网络视频')
    expect(simplifiedForm('隔代教養')).toBe('隔代教养')
    expect(simplifiedForm('隔代教養')).toHaveLength('隔代教養'.length)
  })
})
