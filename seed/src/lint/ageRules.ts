import type { GradeCode } from '@gongyu/search/vocabulary'

/** A topic that only fits some grades: naming it elsewhere is a lint error. */
export interface AgeRule {
  term: string
  allowedGrades: readonly GradeCode[]
}

const kindergarten: GradeCode[] = ['k1', 'k2', 'k3']
const juniorAndSenior: GradeCode[] = ['j1', 'j2', 'j3', 's1', 's2', 's3']
const senior: GradeCode[] = ['s1', 's2', 's3']

/** Topics tied to an age; the special-needs track and items without a grade are not checked. */
export const ageRules: readonly AgeRule[] = [
  { term: '高考', allowedGrades: senior },
  { term: '选科', allowedGrades: senior },
  { term: '志愿填报', allowedGrades: senior },
  { term: '中考', allowedGrades: juniorAndSenior },
  { term: '入园', allowedGrades: kindergarten },
  { term: '小升初', allowedGrades: ['p5', 'p6', 'j1'] },
  { term: '幼小衔接', allowedGrades: ['k3', 'p1'] },
  { term: '恋爱', allowedGrades: juniorAndSenior },
  { term: '早恋', allowedGrades: juniorAndSenior },
]
