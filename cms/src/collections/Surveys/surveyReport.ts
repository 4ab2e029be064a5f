import { SURVEY_QUESTION_COUNT, SURVEY_REPORT_THRESHOLD } from '@gongyu/contract'

/** What the report reads of one answer. */
export interface ReportedAnswer {
  answeredWeek: string
  scores: number[]
  comment: string
}

/** One row of the report: the figures, or none when the group is too small to show. */
export interface ReportGroup {
  label: string
  /** Set only when shown: a hidden group does not even say how many answers it has. */
  figures?: { count: number; means: number[]; distributions: number[][] }
}

export interface SurveyReport {
  total: ReportGroup
  weeks: ReportGroup[]
  /** The free-text answers, in text order (not answer order), only when the total is shown. */
  comments: string[]
  threshold: number
}

function figuresOf(answers: readonly ReportedAnswer[]): NonNullable<ReportGroup['figures']> {
  const means: number[] = []
  const distributions: number[][] = []
  for (let question = 0; question < SURVEY_QUESTION_COUNT; question += 1) {
    const scores = answers.map((answer) => answer.scores[question] ?? 0)
    means.push(Math.round((scores.reduce((sum, value) => sum + value, 0) / Math.max(1, scores.length)) * 100) / 100)
    distributions.push([1, 2, 3, 4, 5].map((value) => scores.filter((score) => score === value).length))
  }
  return { count: answers.length, means, distributions }
}

/**
 * The report of one survey: a row for all answers and a row per week.
 * A group with fewer than `threshold` answers is hidden. The total is hidden
 * too when the hidden weeks together hold fewer than `threshold` answers,
 * since the total minus the shown weeks would otherwise reveal them.
 */
export function surveyReport(answers: readonly ReportedAnswer[], threshold = SURVEY_REPORT_THRESHOLD): SurveyReport {
  const byWeek = new Map<string, ReportedAnswer[]>()
  for (const answer of answers) byWeek.set(answer.answeredWeek, [...(byWeek.get(answer.answeredWeek) ?? []), answer])
  const weeks = [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, group]): ReportGroup => ({ label: week, figures: group.length >= threshold ? figuresOf(group) : undefined }))
  const hiddenCount = [...byWeek.values()].filter((group) => group.length < threshold).reduce((sum, group) => sum + group.length, 0)
  const totalShown = answers.length >= threshold && (hiddenCount === 0 || hiddenCount >= threshold)
  const comments = totalShown
    ? answers
        .map((answer) => answer.comment.trim())
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b, 'zh'))
    : []
  return { total: { label: '全部', figures: totalShown ? figuresOf(answers) : undefined }, weeks, comments, threshold }
}
