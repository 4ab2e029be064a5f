/** A closed range of a number field's value (minutes, seconds, a month), named as Payload's number field names it. */
export interface ValueRange {
  readonly min: number
  readonly max: number
}

/** How many rows a list may have, named as Payload's array and relationship fields name it. */
export interface RowRange {
  readonly minRows: number
  readonly maxRows: number
}

/** The longest a text may be, in characters, named as Payload's text fields name it. */
export interface TextLength {
  readonly maxLength: number
}

/**
 * The field limits the CMS enforces, shared with the seed's front-matter
 * schemas so that starter content can never hold what the CMS would refuse.
 * The names match Payload's field options, so a collection spreads a limit
 * into its field (`{ name: 'month', type: 'number', ...activityPlanLimits.month }`).
 * Where the CMS and the seed lint disagreed (lesson durations were 5–180 in
 * the CMS and 15–90 in the lint), the CMS value is the one kept here.
 */
export const contentLimits = {
  /** Every content type's title. */
  title: { maxLength: 80 },
  /** The themes an item belongs to, when it needs any. */
  themes: { minRows: 1, maxRows: 5 },
  /**
   * The most published core lessons (核心课) a grade may have: regional plans ask
   * for 20 topic lessons a grade (一年20课), while a district may keep many more
   * lessons in it. The starter bank's 20 lessons a grade are its core ones.
   */
  coreLessonsPerGrade: 20,
  lesson: {
    /**
     * A lesson's teaching order within its grade, unique per grade. Not a
     * count: grades grow past the starter bank's 20 (issue 14: districts keep
     * thousands of lessons), and up to two decimals leave room to insert
     * (5.5 sits between 5 and 6) without renumbering the lessons after it.
     */
    sequence: { min: 1, max: 99999 },
    durationMinutes: { min: 5, max: 180 },
    summary: { maxLength: 400 },
    objectives: { minRows: 1, maxRows: 8 },
    reflectionQuestions: { minRows: 0, maxRows: 5 },
  },
  microLesson: {
    durationSeconds: { min: 10, max: 3600 },
  },
  lessonPlan: {
    durationMinutes: { min: 20, max: 240 },
    objectives: { minRows: 1, maxRows: 6 },
    materials: { minRows: 0, maxRows: 20 },
    steps: { minRows: 1, maxRows: 15 },
    stepMinutes: { min: 1, max: 120 },
  },
  activityPlan: {
    month: { min: 1, max: 12 },
    goals: { minRows: 1, maxRows: 6 },
    steps: { minRows: 1, maxRows: 12 },
    materials: { minRows: 0, maxRows: 20 },
    safetyNotes: { minRows: 1, maxRows: 8 },
  },
  event: {
    summary: { maxLength: 300 },
    /** Who speaks: an organization or a role (县家长学校讲师团), never a person. */
    presenter: { maxLength: 40 },
    venue: { maxLength: 120 },
    liveUrl: { maxLength: 500 },
  },
} as const satisfies {
  title: TextLength
  themes: RowRange
  coreLessonsPerGrade: number
  lesson: Record<string, ValueRange | RowRange | TextLength>
  microLesson: Record<string, ValueRange>
  lessonPlan: Record<string, ValueRange | RowRange>
  activityPlan: Record<string, ValueRange | RowRange>
  event: Record<string, TextLength>
}

/** The decimals a lesson's teaching order may have (`contentLimits.lesson.sequence`). */
export const LESSON_ORDER_DECIMALS = 2

/** True when `value` is a valid teaching order: within the range, with at most LESSON_ORDER_DECIMALS decimals. */
export function isLessonOrder(value: unknown): value is number {
  const { min, max } = contentLimits.lesson.sequence
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return false
  const scaled = value * 10 ** LESSON_ORDER_DECIMALS
  // Binary floating point: 5.55 * 100 is 554.9999…, so compare with a tolerance.
  return Math.abs(scaled - Math.round(scaled)) < 1e-6
}
