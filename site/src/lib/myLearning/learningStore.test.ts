import { describe, expect, it } from 'vitest'
import { emptyRecord } from './learningRecord.ts'
import { type KeyValueStorage, learningStore, STORAGE_KEY } from './learningStore.ts'

function memoryStorage(): KeyValueStorage & { values: Map<string, string> } {
  const values = new Map<string, string>()
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  }
}

const item = { id: 'lesson:p3-01-talk', title: '好好说话', minutes: 40 }
const stamp = { session: 'org-a:2026-12-05', title: '家长课堂第一次', organization: '某县家长学校', on: '2026-12-05', hours: 2, proof: 'signed' }

describe('the learning store', () => {
  it('keeps done, practice taps and stamps, each once', () => {
    const storage = memoryStorage()
    const store = learningStore(storage)
    expect(store.read()).toEqual({ ok: true, record: emptyRecord() })
    store.markDone(item, '2026-12-03')
    store.markDone(item, '2026-12-04')
    store.markPractised(item.id, 'practice', '2026-12-03')
    store.markPractised(item.id, 'practice', '2026-12-03')
    store.markPractised(item.id, 'practice', '2026-12-04')
    expect(store.addStamp(stamp).ok).toBe(true)
    store.addStamp({ ...stamp, hours: 5 })
    const saved = learningStore(storage).read()
    expect(saved.ok && saved.record).toEqual({
      ...emptyRecord(),
      done: [{ ...item, on: '2026-12-03' }],
      practised: [
        { id: item.id, activity: 'practice', on: '2026-12-03' },
        { id: item.id, activity: 'practice', on: '2026-12-04' },
      ],
      stamps: [stamp],
    })
    const undone = store.undoDone(item.id)
    expect(undone.ok && undone.record.done).toEqual([])
    expect(store.clear().ok).toBe(true)
    expect(storage.values.has(STORAGE_KEY)).toBe(false)
  })

  it('refuses a stamp or entry outside the format without touching what is saved', () => {
    const storage = memoryStorage()
    const store = learningStore(storage)
    store.markDone(item, '2026-12-03')
    const before = storage.values.get(STORAGE_KEY)
    expect(store.addStamp({ ...stamp, hours: -1 })).toEqual({ ok: false, problem: 'invalid' })
    expect(store.markDone({ ...item, id: 'lesson:<script>' }, '2026-12-03')).toEqual({ ok: false, problem: 'invalid' })
    expect(store.markPractised(item.id, 'practice', 'yesterday')).toEqual({ ok: false, problem: 'invalid' })
    expect(storage.values.get(STORAGE_KEY)).toBe(before)
  })

  it('says storage is blocked when the browser refuses it, and never throws', () => {
    const store = learningStore(null)
    expect(store.read()).toEqual({ ok: false, problem: 'blocked' })
    expect(store.markDone(item)).toEqual({ ok: false, problem: 'blocked' })
    expect(store.clear()).toEqual({ ok: false, problem: 'blocked' })
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    }
    expect(learningStore(throwing).markPractised(item.id, 'practice')).toEqual({ ok: false, problem: 'blocked' })
  })

  it('keeps the saved record as it was when storage is full', () => {
    const storage = memoryStorage()
    learningStore(storage).markDone(item, '2026-12-01')
    const before = storage.values.get(STORAGE_KEY)
    const full: KeyValueStorage = {
      ...storage,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError')
      },
    }
    expect(learningStore(full).markPractised(item.id, 'practice', '2026-12-02')).toEqual({ ok: false, problem: 'full' })
    expect(storage.values.get(STORAGE_KEY)).toBe(before)
  })

  it('never overwrites a saved value it cannot read; only clearing removes it', () => {
    for (const broken of ['{"format":"gongyu-my-learning","version":1,"done":[', JSON.stringify({ other: 'app' })]) {
      const storage = memoryStorage()
      storage.values.set(STORAGE_KEY, broken)
      const store = learningStore(storage)
      expect(store.read()).toEqual({ ok: false, problem: 'unreadable' })
      expect(store.markDone(item)).toEqual({ ok: false, problem: 'unreadable' })
      expect(storage.values.get(STORAGE_KEY)).toBe(broken)
      expect(store.clear().ok).toBe(true)
      expect(store.markDone(item).ok).toBe(true)
    }
  })
})
