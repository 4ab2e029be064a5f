import { describe, expect, it } from 'vitest'
import { answeredOn, dropAnswer, markAnswered, outcomeOf, queueAnswer, queuedAnswers, type KeyValueStore } from './surveyOutbox.ts'

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value), removeItem: (key) => void map.delete(key) }
}

const answer = (survey: string, body = 'q1=4') => ({ survey, url: 'https://cms.example.cn/api/anonymous/survey-answer', body, queuedAt: '2026-12-03' })

describe('the survey outbox', () => {
  it('keeps answers until they are dropped, one per survey', () => {
    const store = memoryStore()
    queueAnswer(store, answer('a'))
    queueAnswer(store, answer('b'))
    queueAnswer(store, answer('a', 'q1=5'))
    expect(queuedAnswers(store).map((entry) => [entry.survey, entry.body])).toEqual([
      ['b', 'q1=4'],
      ['a', 'q1=5'],
    ])
    dropAnswer(store, 'b')
    dropAnswer(store, 'a')
    expect(queuedAnswers(store)).toEqual([])
    expect(store.map.size).toBe(0)
  })

  it('ignores damaged storage instead of sending it', () => {
    const store = memoryStore()
    store.setItem('gongyu:survey-outbox', '{not json')
    expect(queuedAnswers(store)).toEqual([])
    store.setItem('gongyu:survey-outbox', JSON.stringify([{ survey: 1 }, answer('ok')]))
    expect(queuedAnswers(store).map((entry) => entry.survey)).toEqual(['ok'])
  })

  it('flags an answered survey with the day only', () => {
    const store = memoryStore()
    expect(answeredOn(store, 'a')).toBeNull()
    markAnswered(store, 'a', '2026-12-03')
    expect(answeredOn(store, 'a')).toBe('2026-12-03')
  })

  it('retries only what may succeed later', () => {
    expect([201, 400, 404, 409, 413, 429, 500, 503].map(outcomeOf)).toEqual([
      'sent',
      'refused',
      'refused',
      'refused',
      'refused',
      'retry-later',
      'retry-later',
      'retry-later',
    ])
  })
})
