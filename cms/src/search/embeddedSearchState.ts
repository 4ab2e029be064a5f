import type { Payload } from 'payload'
import { buildEmbeddedSearch } from '@gongyu/search/server'
import type { EmbeddedSearch } from '@gongyu/search/server'
import { readPublishedRecords, readPublishedRecordsOf } from '../publishing/readPublishedRecords'
import type { PublicCollection } from '../collections/contentTypes'

type Id = string | number
interface PendingChange {
  collection: PublicCollection
  id: Id
  /** Record ids the document may have had before the change (a renamed slug), removed unless still published. */
  recordIds: string[]
}

interface State {
  engine?: Promise<EmbeddedSearch>
  pending: PendingChange[]
  rebuild: boolean
}

// One embedded index per Payload instance (tests run several in one process).
const states = new WeakMap<Payload, State>()

function stateOf(payload: Payload): State {
  let state = states.get(payload)
  if (!state) {
    state = { pending: [], rebuild: false }
    states.set(payload, state)
  }
  return state
}

/** Notes that a document changed; the embedded index catches up on the next search, without a restart. */
export function noteSearchChange(payload: Payload, change: PendingChange): void {
  stateOf(payload).pending.push(change)
}

/** Notes a bulk change (an import): the next search rebuilds the embedded index from scratch. */
export function noteSearchRebuild(payload: Payload): void {
  stateOf(payload).rebuild = true
}

/** Applies a burst of changes with one read: every changed document's current record, and the removal of ids it no longer has. */
async function applyPending(payload: Payload, engine: EmbeddedSearch, changes: PendingChange[]): Promise<void> {
  const wanted: Partial<Record<PublicCollection, Id[]>> = {}
  for (const change of changes) {
    const ids = wanted[change.collection] ?? []
    ids.push(change.id)
    wanted[change.collection] = ids
  }
  const records = await readPublishedRecordsOf(payload, wanted)
  const current = new Set(records.map((record) => record.id))
  await engine.remove(changes.flatMap((change) => change.recordIds).filter((recordId) => !current.has(recordId)))
  await engine.upsert(records)
}

/** The CMS's embedded engine, built from published records on first use and kept current as content changes. */
export async function embeddedSearchFor(payload: Payload): Promise<EmbeddedSearch> {
  const state = stateOf(payload)
  if (!state.engine || state.rebuild) {
    state.rebuild = false
    state.pending = []
    state.engine = readPublishedRecords(payload).then((records) => buildEmbeddedSearch(records))
    state.engine.catch(() => {
      // A failed build is retried on the next search rather than cached.
      state.engine = undefined
    })
  }
  const engine = await state.engine
  const changes = state.pending.splice(0)
  if (changes.length > 0) await applyPending(payload, engine, changes)
  return engine
}
