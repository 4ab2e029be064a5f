import type { GradeCode } from '@gongyu/contract'

/** A topic that only fits some grades: naming it elsewhere is a lint error. */
export interface AgeRule {
  term: string
  allowedGrades: readonly GradeCode[]
  /** Characters that, just before the term, make it another word (期中考 is a mid-term exam, not 中考). */
  notAfter?: string
}

/** True when the text names the rule's topic, not merely a word that contains it. */
export function namesTopic(text: string, rule: AgeRule): boolean {
  let from = text.indexOf(rule.term)
  while (from !== -1) {
    if (!rule.notAfter || from === 0 || !rule.notAfter.includes(text.charAt(from - 1))) return true
    from = text.indexOf(rule.term, from + 1)
  }
  return false
}

const kindergarten: GradeCode[] = ['k1', 'k2', 'k3']
const juniorAndSenior: GradeCode[] = ['j1', 'j2', 'j3', 's1', 's2', 's3']
const senior: GradeCode[] = ['s1', 's2', 's3']

/** Topics tied to an age; the special-needs track and items without a grade are not checked. */
export const ageRules: readonly AgeRule[] = [
  { term: '高考', allowedGrades: senior },
  { term: '选科', allowedGrades: senior },
  { term: '志愿填报', allowedGrades: senior },
  { term: '中考', allowedGrades: juniorAndSenior, notAfter: '期' },
  { term: '入园', allowedGrades: kindergarten },
  { term: '小升初', allowedGrades: ['p5', 'p6', 'j1'] },
  { term: '幼小衔接', allowedGrades: ['k3', 'p1'] },
  { term: '恋爱', allowedGrades: juniorAndSenior },
  { term: '早恋', allowedGrades: juniorAndSenior },
]
