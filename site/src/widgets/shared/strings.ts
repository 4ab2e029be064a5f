import type { Script } from './siteUrls.ts'

/** The widgets' own words, Simplified first. `{n}` and `{q}` are filled in. */
const hans = {
  loading: '正在加载……',
  failed: '暂时无法加载，请到共育网站查看：',
  openSite: '打开共育网站',
  empty: '这里还没有课程。',
  moreList: '在共育网站查看完整清单（共 {n} 项）',
  moreLessons: '在共育网站查看全部 {n} 课',
  searchLabel: '搜索家长课程',
  searchPlaceholder: '例如：玩手机、亲子沟通',
  searchButton: '搜索',
  searchFound: '找到 {n} 条结果',
  searchNone: '没有找到相关内容，换个词试试，或到共育网站搜索。',
  searchOnSite: '在共育网站搜索“{q}”',
  events: '讲座和活动',
  noEvents: '近期还没有安排活动。',
  moreEvents: '在共育网站查看全部讲座和活动',
}

export type StringKey = keyof typeof hans

/**
 * The same words in Traditional characters. Written out here because the
 * converter is 1 MB and must not ship; strings.test.ts checks that this table
 * is exactly what the site's converter (integrations/traditional.ts: OpenCC
 * with Taiwan phrases) makes of the one above.
 */
const hant: Record<StringKey, string> = {
  loading: '正在載入……',
  failed: '暫時無法載入，請到共育網站檢視：',
  openSite: '開啟共育網站',
  empty: '這裡還沒有課程。',
  moreList: '在共育網站檢視完整清單（共 {n} 項）',
  moreLessons: '在共育網站檢視全部 {n} 課',
  searchLabel: '搜尋家長課程',
  searchPlaceholder: '例如：玩手機、親子溝通',
  searchButton: '搜尋',
  searchFound: '找到 {n} 條結果',
  searchNone: '沒有找到相關內容，換個詞試試，或到共育網站搜尋。',
  searchOnSite: '在共育網站搜尋「{q}」',
  events: '講座和活動',
  noEvents: '近期還沒有安排活動。',
  moreEvents: '在共育網站檢視全部講座和活動',
}

/** Both tables, for the test that keeps them in step. */
export const stringTables = { hans, hant }

/** One phrase in the widget's script, with its placeholders filled. */
export function say(script: Script, key: StringKey, values: { n?: number; q?: string } = {}): string {
  return (script === 'hant' ? hant : hans)[key].replace('{n}', String(values.n ?? '')).replace('{q}', values.q ?? '')
}
