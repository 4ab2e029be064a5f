import * as z from 'zod/mini'
import { isDay } from './localDay.ts'

/** Names the format in every export, so a file from another app is told apart from a damaged one. */
export const LEARNING_FORMAT = 'gongyu-my-learning'
/** The format's version; a later version that this code cannot read is refused with its own message. */
export const LEARNING_VERSION = 1
/** At most this many entries in each list: years of daily practice, far below what a phone's storage holds. */
export const MAX_ENTRIES = 20_000

const day = z.string().check(z.refine(isDay, '日期格式不对'))
// `lesson:k1-01-separation-anxiety`: a record id as the contract makes it, slug as the CMS allows it (slugField.ts).
const recordId = z.string().check(z.maxLength(160), z.regex(/^(lesson|micro-lesson):[a-z0-9]+(-[a-z0-9]+)*$/))
const shortText = (max: number) => z.string().check(z.maxLength(max))

/** A lesson or micro-lesson the parent marked 学完了, with its length as the page stated it then. */
export const doneEntrySchema = z.object({
  id: recordId,
  title: shortText(200),
  /** The record's durationMinutes when marked: what 学习时长 adds up (自学记录). */
  minutes: z.number().check(z.minimum(0), z.maximum(600)),
  on: day,
})

/** One tap of 今天练习了: one practice activity of one page, on one day. */
export const practiceEntrySchema = z.object({
  id: recordId,
  /** The practice part's key on the page (`practice`); a page with several has one entry per part. */
  activity: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  on: day,
})

/**
 * A session check-in (打卡) kept by the attendance feature after it checked the
 * session QR's signature. `proof` is the signed payload as scanned, so the
 * stamp can be checked again after an import; this module never trusts or
 * checks it, it only keeps it.
 */
export const stampSchema = z.object({
  session: shortText(200).check(z.minLength(1)),
  title: shortText(200),
  organization: shortText(200),
  on: day,
  hours: z.number().check(z.minimum(0), z.maximum(24)),
  proof: shortText(4000),
})

/** Everything 我的学习 keeps on the phone, and the whole content of an export. */
export const learningRecordSchema = z.object({
  format: z.literal(LEARNING_FORMAT),
  version: z.literal(LEARNING_VERSION),
  done: z.array(doneEntrySchema).check(z.maxLength(MAX_ENTRIES)),
  practised: z.array(practiceEntrySchema).check(z.maxLength(MAX_ENTRIES)),
  stamps: z.array(stampSchema).check(z.maxLength(MAX_ENTRIES)),
})

export type DoneEntry = z.infer<typeof doneEntrySchema>
export type PracticeEntry = z.infer<typeof practiceEntrySchema>
export type Stamp = z.infer<typeof stampSchema>
export type LearningRecord = z.infer<typeof learningRecordSchema>

/** Why a text could not be read as a learning record; each has its own Chinese message on the page. */
export type RecordProblem = 'foreign' | 'newerVersion' | 'invalid'

export type RecordReading = { ok: true; record: LearningRecord } | { ok: false; problem: RecordProblem }

/** A record with nothing in it. */
export function emptyRecord(): LearningRecord {
  return { format: LEARNING_FORMAT, version: LEARNING_VERSION, done: [], practised: [], stamps: [] }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads an already parsed JSON value as a learning record: another app's data, a later version and bad content are told apart. */
export function readRecord(value: unknown): RecordReading {
  if (!isObject(value) || value.format !== LEARNING_FORMAT) return { ok: false, problem: 'foreign' }
  if (typeof value.version === 'number' && value.version > LEARNING_VERSION) return { ok: false, problem: 'newerVersion' }
  const parsed = learningRecordSchema.safeParse(value)
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, problem: 'invalid' }
}

/** One key per practice tap: the same page, part and day is the same tap. */
export function practiceKey(entry: PracticeEntry): string {
  return `${entry.id} ${entry.activity} ${entry.on}`
}

/**
 * Both records in one, each fact once: a lesson done keeps its earliest day,
 * a practice tap is one per page, part and day, a stamp one per session.
 * Merging is how an import adds to what the new phone already has.
 */
export function mergeRecords(into: LearningRecord, from: LearningRecord): LearningRecord {
  const done = new Map(into.done.map((entry) => [entry.id, entry]))
  for (const entry of from.done) {
    const kept = done.get(entry.id)
    if (!kept || entry.on < kept.on) done.set(entry.id, entry)
  }
  const practised = new Map([...into.practised, ...from.practised].map((entry) => [practiceKey(entry), entry]))
  const stamps = new Map([...from.stamps, ...into.stamps].map((stamp) => [stamp.session, stamp]))
  return { ...emptyRecord(), done: [...done.values()], practised: [...practised.values()], stamps: [...stamps.values()] }
}
