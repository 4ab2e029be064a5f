import type { Payload } from 'payload'
import type { MediaReferences } from './mediaReferences'
import { publishedMediaReferences } from './publishedMediaReferences'

/** A safety net only: saves of content clear the cache at once (forgetPublicMediaReferences). */
const CACHE_MS = 60_000

interface CacheState {
  /** Bumped by every forget, so a computation that overlapped a save is not kept. */
  generation: number
  entry?: { expires: number; references: Promise<MediaReferences> }
}

const states = new WeakMap<Payload, CacheState>()

function stateOf(payload: Payload): CacheState {
  let state = states.get(payload)
  if (!state) {
    state = { generation: 0 }
    states.set(payload, state)
  }
  return state
}

// A save's afterChange hooks (which forget) run before its transaction commits; an answer read
// while any transaction is open may predate that commit, so it serves its caller but is not kept.
function transactionOpen(payload: Payload): boolean {
  return Object.keys(payload.db.sessions ?? {}).length > 0
}

/**
 * The media published content refers to, cached per Payload instance:
 * access control asks on every anonymous read of media, videos and
 * captions, including each one populated into a lesson.
 */
export function publicMediaReferences(payload: Payload): Promise<MediaReferences> {
  const state = stateOf(payload)
  if (state.entry && state.entry.expires > Date.now()) return state.entry.references
  const generation = state.generation
  const references = publishedMediaReferences(payload)
  const entry = { expires: Date.now() + CACHE_MS, references }
  if (!transactionOpen(payload)) state.entry = entry
  references.then(
    () => {
      if (state.entry === entry && (state.generation !== generation || transactionOpen(payload))) state.entry = undefined
    },
    () => {
      // The caller gets the error; a failed read is not kept, so the next request tries again.
      if (state.entry === entry) state.entry = undefined
    },
  )
  return references
}

/** Drops the cached answer, after a save or delete that may change what published content uses. */
export function forgetPublicMediaReferences(payload: Payload): void {
  const state = stateOf(payload)
  state.generation += 1
  state.entry = undefined
}
