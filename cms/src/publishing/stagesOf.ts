import { gradeByCode, type GradeCode, type StageCode } from '@gongyu/contract'

/** The stages a record is for: the ones it names, then those of its grades, each once. */
export function stagesOf(grades: readonly GradeCode[], named: readonly StageCode[] = []): StageCode[] {
  const fromGrades = grades.map((grade) => gradeByCode(grade)?.stage).filter((stage): stage is StageCode => Boolean(stage))
  return [...new Set([...named, ...fromGrades])]
}
