/** One answer waiting on this phone: where it goes and the form body, exactly as the form would post it. */
export interface QueuedAnswer {
  survey: string
  url: string
  body: string
  queuedAt: string
}

/** The browser's storage, or a test's stand-in. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const QUEUE_KEY = 'gongyu:survey-outbox'
const ANSWERED_PREFIX = 'gongyu:survey-answered:'
// A phone that stays offline for weeks keeps at most this many answers: enough for a parent, not a store of anything.
const MAX_QUEUED = 20

function isQueuedAnswer(value: unknown): value is QueuedAnswer {
  const entry = value as QueuedAnswer | null
  return Boolean(entry && typeof entry.survey === 'string' && typeof entry.url === 'string' && typeof entry.body === 'string')
}

/** The answers waiting to be sent; a damaged entry is dropped rather than sent. */
export function queuedAnswers(store: KeyValueStore): QueuedAnswer[] {
  const raw = store.getItem(QUEUE_KEY)
  if (!raw) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch (error) {
    if (error instanceof SyntaxError) return []
    throw error
  }
  return Array.isArray(parsed) ? parsed.filter(isQueuedAnswer) : []
}

/** Keeps an answer on the phone until it is sent; a second answer to the same survey replaces the first. Throws when storage refuses. */
export function queueAnswer(store: KeyValueStore, answer: QueuedAnswer): void {
  const others = queuedAnswers(store).filter((entry) => entry.survey !== answer.survey)
  store.setItem(QUEUE_KEY, JSON.stringify([...others, answer].slice(-MAX_QUEUED)))
}

/** Drops an answer once the CMS has taken or finally refused it. */
export function dropAnswer(store: KeyValueStore, survey: string): void {
  const rest = queuedAnswers(store).filter((entry) => entry.survey !== survey)
  if (rest.length === 0) store.removeItem(QUEUE_KEY)
  else store.setItem(QUEUE_KEY, JSON.stringify(rest))
}

/** The flag that discourages a second answer from this browser: the day it answered, nothing else. */
export function markAnswered(store: KeyValueStore, survey: string, day: string): void {
  store.setItem(`${ANSWERED_PREFIX}${survey}`, day)
}

export function answeredOn(store: KeyValueStore, survey: string): string | null {
  return store.getItem(`${ANSWERED_PREFIX}${survey}`)
}

/** What to do with a queued answer after one attempt to send it. */
export type SendOutcome = 'sent' | 'refused' | 'retry-later'

/** 2xx: stored. 429 and 5xx: the CMS is busy or restarting, keep it. Any other refusal will not change by sending again. */
export function outcomeOf(status: number): SendOutcome {
  if (status >= 200 && status < 300) return 'sent'
  if (status === 429 || status >= 500 || status === 408) return 'retry-later'
  return 'refused'
}
