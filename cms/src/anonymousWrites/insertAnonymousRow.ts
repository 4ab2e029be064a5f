import type { CollectionSlug, Payload } from 'payload'
import { findInputProblems } from '../fields/findInputProblems'
import { capQueryArguments } from '../hooks/capQueryArguments'
import { refuseOversizedInput } from '../hooks/refuseOversizedInput'
import { AnonymousWriteRefusal } from './anonymousWriteKind'

/** The collection hooks Payload's create operation runs, which a plain insert skips. */
const CREATE_HOOKS = ['beforeOperation', 'beforeValidate', 'beforeChange', 'afterChange', 'afterOperation'] as const

/**
 * The hooks every collection gets (buildGongyuConfig) that an insert may go
 * without: the size and control-character check runs here instead, and the
 * query caps apply only to REST and GraphQL reads.
 */
const COVERED_HOOKS: ReadonlySet<unknown> = new Set([refuseOversizedInput, capQueryArguments])

// Checked once per Payload instance and collection: the config does not change while it runs.
const checked = new WeakMap<Payload, Set<CollectionSlug>>()

function assertNoOtherHooks(payload: Payload, collection: CollectionSlug): void {
  const known = checked.get(payload) ?? new Set<CollectionSlug>()
  if (known.has(collection)) return
  const hooks = payload.collections[collection]?.config.hooks
  const used = CREATE_HOOKS.filter((name) => (hooks?.[name] ?? []).some((hook) => !COVERED_HOOKS.has(hook)))
  if (used.length > 0) throw new Error(`${collection} has ${used.join(', ')} hooks, which a plain insert would skip: save it with payload.create`)
  known.add(collection)
  checked.set(payload, known)
}

/**
 * Saves one anonymous write (a survey answer, a needs signal) as one insert
 * through the database adapter. The kind has already checked the value (its
 * strict schema, and what the collection's field `validate` functions would
 * check); here the fields' length limits and the refusal of control
 * characters apply, as the collection's hook would (refused with a 400 in
 * Chinese), and any other hook is refused at the first save, so Payload's
 * whole create operation (field traversal, hooks) would only add cost. The
 * row is one table's row, so the insert is one statement, committed when it
 * returns (SQLite autocommits it; MongoDB acknowledges the one document): no
 * transaction around it. It still takes its turn with every other write
 * (db/serializeTransactions.ts), whose one writer would otherwise refuse it
 * while an admin's save holds the lock.
 */
export async function insertAnonymousRow(payload: Payload, collection: CollectionSlug, data: Record<string, unknown>): Promise<void> {
  assertNoOtherHooks(payload, collection)
  const problem = findInputProblems(payload.collections[collection].config.fields, data)[0]
  if (problem) throw new AnonymousWriteRefusal(400, problem.message)
  await payload.db.create({ collection, data, returning: false })
}
