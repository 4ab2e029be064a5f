import { type Day, localDay } from './localDay.ts'
import {
  type DoneEntry,
  emptyRecord,
  type LearningRecord,
  learningRecordSchema,
  mergeRecords,
  practiceKey,
  readRecord,
  type Stamp,
  stampSchema,
} from './learningRecord.ts'

/** The one localStorage key of 我的学习: a single JSON value, so every change is written whole or not at all. */
export const STORAGE_KEY = 'gongyu-my-learning'

/** Why the phone's record could not be read or saved; each has its own Chinese message on the page. */
export type StoreProblem = 'blocked' | 'full' | 'unreadable' | 'invalid'

export type StoreResult = { ok: true; record: LearningRecord } | { ok: false; problem: StoreProblem }

/** The part of the Web Storage API the store uses (localStorage, or a stand-in in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** What 学完了 records about a page. */
export type DoneItem = Omit<DoneEntry, 'on'>

/** 我的学习 on this phone. Nothing here makes a request: the record never leaves the phone unless the parent exports it. */
export interface LearningStore {
  read(): StoreResult
  markDone(item: DoneItem, on?: Day): StoreResult
  undoDone(id: string): StoreResult
  markPractised(id: string, activity: string, on?: Day): StoreResult
  /** Keeps a session check-in (打卡); the caller has checked its signature. A second stamp for the same session changes nothing. */
  addStamp(stamp: Stamp): StoreResult
  /** Adds an imported record to the phone's (see mergeRecords). */
  merge(record: LearningRecord): StoreResult
  /** Forgets everything 我的学习 kept on this phone. */
  clear(): StoreResult
}

/** The browser's localStorage, or null where reading it throws (storage turned off, some private modes, some in-app browsers). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage
  } catch (error) {
    console.info('我的学习：这个浏览器不允许网站保存数据。', error)
    return null
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
}

/**
 * The store over `storage`. Every change reads the saved record, changes a
 * copy, checks it against the format and writes it back whole, so a full or
 * blocked storage leaves the saved record as it was. A saved value this code
 * cannot read is never overwritten by a change (only `clear` removes it).
 */
export function learningStore(storage: KeyValueStorage | null = browserStorage()): LearningStore {
  const read = (): StoreResult => {
    if (!storage) return { ok: false, problem: 'blocked' }
    let saved: string | null
    try {
      saved = storage.getItem(STORAGE_KEY)
    } catch (error) {
      console.info('我的学习：读不到本地存储。', error)
      return { ok: false, problem: 'blocked' }
    }
    if (saved === null) return { ok: true, record: emptyRecord() }
    try {
      const reading = readRecord(JSON.parse(saved))
      return reading.ok ? reading : { ok: false, problem: 'unreadable' }
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      return { ok: false, problem: 'unreadable' }
    }
  }

  const write = (record: LearningRecord): StoreResult => {
    if (!storage) return { ok: false, problem: 'blocked' }
    if (!learningRecordSchema.safeParse(record).success) return { ok: false, problem: 'invalid' }
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(record))
      return { ok: true, record }
    } catch (error) {
      if (isQuotaError(error)) return { ok: false, problem: 'full' }
      console.info('我的学习：没能保存。', error)
      return { ok: false, problem: 'blocked' }
    }
  }

  const change = (update: (record: LearningRecord) => LearningRecord | null): StoreResult => {
    const current = read()
    if (!current.ok) return current
    const updated = update(current.record)
    return updated ? write(updated) : current
  }

  return {
    read,
    markDone: (item, on = localDay()) =>
      change((record) => (record.done.some((entry) => entry.id === item.id) ? null : { ...record, done: [...record.done, { ...item, on }] })),
    undoDone: (id) => change((record) => ({ ...record, done: record.done.filter((entry) => entry.id !== id) })),
    markPractised: (id, activity, on = localDay()) =>
      change((record) => {
        const entry = { id, activity, on }
        const key = practiceKey(entry)
        return record.practised.some((kept) => practiceKey(kept) === key) ? null : { ...record, practised: [...record.practised, entry] }
      }),
    addStamp: (stamp) => {
      if (!stampSchema.safeParse(stamp).success) return { ok: false, problem: 'invalid' }
      return change((record) => (record.stamps.some((kept) => kept.session === stamp.session) ? null : { ...record, stamps: [...record.stamps, stamp] }))
    },
    merge: (imported) => change((record) => mergeRecords(record, imported)),
    clear: () => {
      if (!storage) return { ok: false, problem: 'blocked' }
      try {
        storage.removeItem(STORAGE_KEY)
        return { ok: true, record: emptyRecord() }
      } catch (error) {
        console.info('我的学习：没能清空。', error)
        return { ok: false, problem: 'blocked' }
      }
    },
  }
}

/** Keeps a session check-in in this phone's 我的学习: the entry point for the attendance feature (issue 16, part 2). */
export function addStamp(stamp: Stamp): StoreResult {
  return learningStore().addStamp(stamp)
}
