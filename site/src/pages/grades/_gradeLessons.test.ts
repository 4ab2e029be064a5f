import { describe, expect, it } from 'vitest'
import type { PublicRecord } from '@gongyu/contract'
import { splitCoreLessons } from './_gradeLessons.ts'

function lesson(sequence: number, core?: boolean): PublicRecord {
  return { id: `lesson:p3-${sequence}`, type: 'lesson', sequence, ...(core === undefined ? {} : { core }) } as PublicRecord
}

const ids = (records: readonly PublicRecord[] | undefined) => records?.map((record) => record.id)

describe('splitCoreLessons', () => {
  it('puts the core lessons first and the others after, each in teaching order, numbered by their place in the grade', () => {
    const lessons = [lesson(1, true), lesson(2, true), lesson(2.5, false), lesson(3, true), lesson(21, false)]
    const split = splitCoreLessons(lessons)
    expect(ids(split?.core)).toEqual(['lesson:p3-1', 'lesson:p3-2', 'lesson:p3-3'])
    expect(ids(split?.more)).toEqual(['lesson:p3-2.5', 'lesson:p3-21'])
    expect(split?.places.get('lesson:p3-3')).toBe(4)
    expect(split?.places.get('lesson:p3-2.5')).toBe(3)
  })

  it('keeps one list when every lesson is core, when none is, or when the export predates the mark', () => {
    expect(splitCoreLessons([lesson(1, true), lesson(2, true)])).toBeUndefined()
    expect(splitCoreLessons([lesson(1, false), lesson(2, false)])).toBeUndefined()
    expect(splitCoreLessons([lesson(1), lesson(2)])).toBeUndefined()
    expect(splitCoreLessons([])).toBeUndefined()
  })
})
