import { describe, expect, it } from 'vitest'
import type { SearchEntry } from '../shared/feedTypes.ts'
import { matchTitles } from './matchTitles.ts'

const entries: SearchEntry[] = [
  ['lesson', 'k1-01', '入园分离焦虑怎么办', '专题课程 · 幼儿园小班 · 45 分钟', '情绪管理'],
  ['lesson', 'p3-05', '游戏和手机：和孩子一起定规则', '专题课程 · 三年级 · 45 分钟', '屏幕时间 亲子沟通'],
  ['micro-lesson', 'micro-p3', '玩手机前先说好', '微课 · 三年级 · 5 分钟', '屏幕时间'],
  ['lesson', 'j1-05', '孩子开始用社交软件', '专题课程 · 初一 · 45 分钟', '屏幕时间 网络安全'],
]

describe('the inline search box’s title matcher', () => {
  it('ranks title matches first and keeps teaching order among equals', () => {
    expect(matchTitles(entries, '手机', 10).map((entry) => entry[1])).toEqual(['p3-05', 'micro-p3'])
    expect(matchTitles(entries, '屏幕时间', 10).map((entry) => entry[1])).toEqual(['p3-05', 'micro-p3', 'j1-05'])
  })

  it('finds a run-together query by its two-character chunks, and needs every term', () => {
    expect(matchTitles(entries, '三年级玩手机', 10).map((entry) => entry[1])).toContain('micro-p3')
    expect(matchTitles(entries, '手机 初一', 10)).toEqual([])
    expect(matchTitles(entries, '   ', 10)).toEqual([])
  })

  it('stops at the limit', () => {
    expect(matchTitles(entries, '分钟', 2)).toHaveLength(2)
  })
})
