import { grades, type GradeCode } from '@gongyu/contract'
import { normalizeText } from '../text/normalize.ts'

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九']

/** Everyday names for the contract's grades, beyond its own labels (幼儿园大班, 三年级, 初二…): how parents type them on a phone. */
function gradeNames(): Map<string, GradeCode> {
  const names = new Map<string, GradeCode>()
  for (const grade of grades) {
    if (grade.stage === 'special') continue
    names.set(grade.label, grade.code)
    names.set(grade.short, grade.code)
  }
  const primary = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] as const
  const junior = ['j1', 'j2', 'j3'] as const
  const senior = ['s1', 's2', 's3'] as const
  primary.forEach((code, index) => {
    names.set(`${index + 1}年级`, code)
    names.set(`小学${CHINESE_NUMERALS[index]}年级`, code)
  })
  junior.forEach((code, index) => {
    // 七年级 is 初一 in most provinces' textbooks.
    names.set(`${CHINESE_NUMERALS[index + 6]}年级`, code)
    names.set(`${index + 7}年级`, code)
    names.set(`初中${CHINESE_NUMERALS[index]}年级`, code)
    names.set(`初${index + 1}`, code)
  })
  senior.forEach((code, index) => {
    names.set(`高中${CHINESE_NUMERALS[index]}年级`, code)
    names.set(`高${index + 1}`, code)
  })
  names.set('小一', 'p1')
  names.set('学前班', 'k3')
  return names
}

// Words that contain a grade name but are not one: 初中班主任 is not 中班, 提高二十分 is not 高二, 高一点 is "a bit higher".
const NOT_GRADES = ['初中', '高中', '提高', '高一点', '高一些', '高一截', '高一倍', '初一十五']

const NAMES = gradeNames()
const WORDS = [...NAMES.keys(), ...NOT_GRADES].sort((a, b) => b.length - a.length)

/** Grade names found in normalized text, left to right, longest first; `code` is absent for look-alikes (初中, 提高). */
function scanGradeNames(normalized: string): { at: number; word: string; code: GradeCode | undefined }[] {
  const found: { at: number; word: string; code: GradeCode | undefined }[] = []
  for (let at = 0; at < normalized.length; ) {
    // A name that starts with a digit must not continue a number (13年级 is not 3年级).
    const afterDigit = /\d/.test(normalized.charAt(at - 1))
    const word = WORDS.find((candidate) => normalized.startsWith(candidate, at) && !(afterDigit && /^\d/.test(candidate)))
    if (!word) {
      at += 1
      continue
    }
    found.push({ at, word, code: NAMES.get(word) })
    at += word.length
  }
  return found
}

/**
 * The grades a query names (三年级, 初二, 八年级, 高一, 大班, 3年级…), in the
 * order they appear. Reads left to right, longest name first, so 初中班主任
 * does not name 中班. Items for these grades rank first in both engines.
 */
export function namedGrades(text: string): GradeCode[] {
  const codes = scanGradeNames(normalizeText(text)).flatMap((mention) => (mention.code ? [mention.code] : []))
  return [...new Set(codes)]
}

/** Normalized text with the grade names taken out, for an engine that ranks those grades first by filter instead of by words. */
export function withoutGradeNames(normalized: string): string {
  let text = ''
  let from = 0
  for (const mention of scanGradeNames(normalized)) {
    if (!mention.code) continue
    text += `${normalized.slice(from, mention.at)} `
    from = mention.at + mention.word.length
  }
  return text + normalized.slice(from)
}

/** Whether an item is for one of the grades a query names; those items rank first. */
export function isForNamedGrade(item: { grades: readonly string[] }, named: readonly GradeCode[]): boolean {
  return named.some((grade) => item.grades.includes(grade))
}
