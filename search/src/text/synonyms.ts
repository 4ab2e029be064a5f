import type { PublicSynonymGroup } from '@gongyu/contract'
import { normalizeText } from './normalize.ts'

/**
 * Everyday words parents use, grouped with the words the course bank uses.
 * One list for both engines: the embedded engine expands queries with it,
 * and the Meilisearch settings are generated from it.
 */
export const synonymGroups: readonly (readonly string[])[] = [
  ['手机', '电子产品', '屏幕', '平板', '游戏', '短视频', '刷视频'],
  ['手游', '手机游戏', '网络游戏', '网游'],
  ['玩手机', '沉迷手机', '屏幕时间', '网络沉迷', '网瘾'],
  ['叛逆', '逆反', '顶嘴', '对着干'],
  ['老人', '祖辈', '隔代', '爷爷奶奶', '外公外婆', '姥姥', '老人带娃'],
  ['孩子', '子女', '娃', '小孩', '儿女'],
  ['焦虑', '紧张', '压力', '担心'],
  ['睡不着', '失眠', '睡眠'],
  ['不爱写作业', '作业拖拉', '作业磨蹭', '写作业慢'],
  ['早恋', '恋爱', '谈恋爱'],
  ['打工', '外出务工', '农民工', '留守'],
  ['随迁', '流动', '进城'],
  ['发脾气', '哭闹', '情绪失控'],
  ['霸凌', '欺凌', '欺负', '孤立', '起外号'],
  ['防拐卖', '防走失', '陌生人'],
  ['自闭症', '孤独症'],
  ['多动症', '注意缺陷多动障碍', 'adhd'],
]

let learnedGroups: readonly (readonly string[])[] = []

/** Groups as the planner reads them: each word trimmed and in lower case, once; a group of one word says nothing and is dropped. */
export function cleanSynonymGroups(groups: readonly (readonly string[])[]): string[][] {
  return groups.map((group) => [...new Set(group.map((word) => word.trim().toLowerCase()).filter(Boolean))]).filter((group) => group.length > 1)
}

/**
 * Accepted groups in the public export's shape as the engines expand with
 * them: the query, then its synonyms, in the normal form. The CMS's engines
 * (setLearnedSynonymGroups) and the browser's sharded index both take them
 * from here, so they cannot read the same groups differently.
 */
export function learnedSynonymGroupsOf(groups: readonly PublicSynonymGroup[]): string[][] {
  return cleanSynonymGroups(groups.map((group) => [normalizeText(group.query), ...group.synonyms.map(normalizeText)]))
}

/**
 * Groups editors accepted in the CMS (a parent's query beside the words of
 * the lesson written for it, issue 17's needs report). The CMS sets them
 * before searching; every process starts with none. The browser's sharded
 * engine does not read them from here: its manifest carries its own copy
 * (see sharded/buildShardedIndex.ts).
 */
export function setLearnedSynonymGroups(groups: readonly (readonly string[])[]): void {
  learnedGroups = cleanSynonymGroups(groups)
}

/** The built-in groups and the learned ones, as both engines expand queries with them. */
export function allSynonymGroups(): readonly (readonly string[])[] {
  return learnedGroups.length === 0 ? synonymGroups : [...synonymGroups, ...learnedGroups]
}

/** The other words of every group a word belongs to. */
export function synonymsOf(word: string): string[] {
  return [
    ...new Set(
      allSynonymGroups()
        .filter((group) => group.includes(word))
        .flat(),
    ),
  ].filter((synonym) => synonym !== word)
}
