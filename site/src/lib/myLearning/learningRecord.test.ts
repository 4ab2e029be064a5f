import { describe, expect, it } from 'vitest'
import { isDay, localDay, weekOf } from './localDay.ts'
import { emptyRecord, type LearningRecord, mergeRecords, readRecord } from './learningRecord.ts'
import { hoursText, summarize } from './learningSummary.ts'

const lesson = (slug: string, on: string, minutes = 30) => ({ id: `lesson:${slug}`, title: `课 ${slug}`, minutes, on })

describe('days', () => {
  it('accepts real days only', () => {
    expect(isDay('2026-12-03')).toBe(true)
    expect(isDay('2024-02-29')).toBe(true)
    expect(isDay('2026-02-30')).toBe(false)
    expect(isDay('2026-1-3')).toBe(false)
    expect(isDay('2026-12-03T00:00')).toBe(false)
  })

  it('takes today from the phone’s own calendar', () => {
    expect(localDay(new Date(2026, 11, 3, 23, 30))).toBe('2026-12-03')
    expect(localDay(new Date(2027, 0, 1, 0, 5))).toBe('2027-01-01')
  })

  it('counts weeks from Monday to Sunday', () => {
    // 2026-12-03 is a Thursday; 2026-12-07 a Monday; 2026-12-06 a Sunday.
    expect(weekOf('2026-12-03')).toEqual({ first: '2026-11-30', last: '2026-12-06' })
    expect(weekOf('2026-12-07')).toEqual({ first: '2026-12-07', last: '2026-12-13' })
    expect(weekOf('2026-12-06')).toEqual({ first: '2026-11-30', last: '2026-12-06' })
    expect(weekOf('2027-01-01')).toEqual({ first: '2026-12-28', last: '2027-01-03' })
  })
})

describe('the learning record format', () => {
  it('reads its own records and tells another app’s data, a later version and bad content apart', () => {
    const record: LearningRecord = { ...emptyRecord(), done: [lesson('p3-01-a', '2026-12-01')] }
    expect(readRecord(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, record })
    expect(readRecord({ version: 1, done: [] })).toEqual({ ok: false, problem: 'foreign' })
    expect(readRecord([record])).toEqual({ ok: false, problem: 'foreign' })
    expect(readRecord(null)).toEqual({ ok: false, problem: 'foreign' })
    expect(readRecord({ ...record, version: 2 })).toEqual({ ok: false, problem: 'newerVersion' })
    expect(readRecord({ ...record, version: 0 })).toEqual({ ok: false, problem: 'invalid' })
    expect(readRecord({ ...record, done: [lesson('p3-01-a', '2026-02-30')] })).toEqual({ ok: false, problem: 'invalid' })
    expect(readRecord({ ...record, done: [{ ...lesson('p3-01-a', '2026-12-01'), minutes: -5 }] })).toEqual({ ok: false, problem: 'invalid' })
    expect(readRecord({ ...record, done: [{ ...lesson('x', '2026-12-01'), id: 'lesson:../../x' }] })).toEqual({ ok: false, problem: 'invalid' })
    expect(readRecord({ ...record, done: [{ ...lesson('x', '2026-12-01'), id: 'case-study:x' }] })).toEqual({ ok: false, problem: 'invalid' })
    expect(readRecord({ ...record, practised: [{ id: 'lesson:x', activity: '<b>', on: '2026-12-01' }] })).toEqual({ ok: false, problem: 'invalid' })
    expect(readRecord({ ...record, stamps: [{ session: 's', title: '', organization: 'o', on: '2026-12-01', hours: 99, proof: '' }] })).toEqual({
      ok: false,
      problem: 'invalid',
    })
  })

  it('drops fields it does not know, keeping only what the feature needs', () => {
    const reading = readRecord({ ...emptyRecord(), deviceId: 'abc', done: [{ ...lesson('a', '2026-12-01'), childName: '小明' }] })
    expect(reading.ok && reading.record).toEqual({ ...emptyRecord(), done: [lesson('a', '2026-12-01')] })
  })

  it('merges each fact once: a lesson keeps its earliest day, a tap is one per page, part and day, a stamp one per session', () => {
    const stamp = { session: 's1', title: '第一次家长课', organization: '某校', on: '2026-11-20', hours: 2, proof: 'p' }
    const phone: LearningRecord = {
      ...emptyRecord(),
      done: [lesson('a', '2026-12-02')],
      practised: [{ id: 'lesson:a', activity: 'practice', on: '2026-12-02' }],
      stamps: [stamp],
    }
    const imported: LearningRecord = {
      ...emptyRecord(),
      done: [lesson('a', '2026-11-30'), lesson('b', '2026-12-01', 45)],
      practised: [
        { id: 'lesson:a', activity: 'practice', on: '2026-12-02' },
        { id: 'lesson:a', activity: 'practice', on: '2026-12-03' },
      ],
      stamps: [{ ...stamp, hours: 3 }],
    }
    const merged = mergeRecords(phone, imported)
    expect(merged.done).toEqual([lesson('a', '2026-11-30'), lesson('b', '2026-12-01', 45)])
    expect(merged.practised.map((entry) => entry.on)).toEqual(['2026-12-02', '2026-12-03'])
    expect(merged.stamps).toEqual([stamp])
    expect(mergeRecords(merged, imported)).toEqual(merged)
  })
})

describe('the summary', () => {
  it('counts lessons, this week’s practice days (not a streak) and the stated minutes', () => {
    const record: LearningRecord = {
      ...emptyRecord(),
      done: [lesson('a', '2026-11-02', 30), lesson('b', '2026-12-01', 45), { id: 'micro-lesson:c', title: '微课', minutes: 4.5, on: '2026-12-02' }],
      practised: [
        { id: 'lesson:a', activity: 'practice', on: '2026-11-29' },
        { id: 'lesson:a', activity: 'practice', on: '2026-11-30' },
        { id: 'lesson:b', activity: 'practice', on: '2026-11-30' },
        { id: 'lesson:b', activity: 'practice', on: '2026-12-03' },
      ],
      stamps: [{ session: 's1', title: '', organization: 'o', on: '2026-11-20', hours: 1.5, proof: '' }],
    }
    expect(summarize(record, '2026-12-03')).toEqual({ lessonsDone: 3, daysPractisedThisWeek: 2, selfStudyMinutes: 79.5, stamps: 1, stampHours: 1.5 })
    // A missed week is simply zero days, and the next week starts again without penalty.
    expect(summarize(record, '2026-12-10').daysPractisedThisWeek).toBe(0)
    expect(hoursText(79.5)).toBe('1.3')
    expect(hoursText(90)).toBe('1.5')
    expect(hoursText(0)).toBe('0')
  })
})
