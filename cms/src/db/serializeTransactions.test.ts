import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'
import { describe, expect, it } from 'vitest'
import { DatabaseBusyError } from '../errors/DatabaseBusyError'
import { serializeTransactions } from './serializeTransactions'

/** A stand-in adapter that records how many transactions are open at once. */
function fakeAdapter() {
  const state = { open: 0, maxOpen: 0, next: 0, writesDuringOpen: 0 }
  const db = {
    beginTransaction: async () => {
      state.open += 1
      state.maxOpen = Math.max(state.maxOpen, state.open)
      state.next += 1
      return `tx-${state.next}`
    },
    commitTransaction: async () => {
      state.open -= 1
    },
    rollbackTransaction: async () => {
      state.open -= 1
    },
    create: async () => {
      state.writesDuringOpen += state.open
      return {}
    },
    sessions: {} as Record<string, unknown>,
  } as unknown as BaseDatabaseAdapter
  const adapter = { name: 'fake', defaultIDType: 'number', init: () => db } as unknown as DatabaseAdapterObj
  return { adapter, state }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('serializeTransactions', () => {
  it('opens one transaction at a time and lets the next begin after a commit or a rollback', async () => {
    const { adapter, state } = fakeAdapter()
    const db = serializeTransactions(adapter).init({} as never)
    const save = async (fail: boolean) => {
      const id = await db.beginTransaction()
      await tick()
      if (fail) await db.rollbackTransaction(id as string)
      else await db.commitTransaction(Promise.resolve(id as string))
    }
    await Promise.all([save(false), save(true), save(false), save(true)])
    expect(state.maxOpen).toBe(1)
    expect(state.open).toBe(0)
  })

  it('tolerates a second rollback of the same transaction', async () => {
    const { adapter } = fakeAdapter()
    const db = serializeTransactions(adapter).init({} as never)
    const id = (await db.beginTransaction()) as string
    await db.rollbackTransaction(id)
    await db.rollbackTransaction(id)
    const next = await db.beginTransaction()
    expect(next).toBe('tx-2')
    await db.commitTransaction(next as string)
  })

  it('refuses with a 503 in Chinese when the writer is held too long', async () => {
    const { adapter } = fakeAdapter()
    const db = serializeTransactions(adapter, 20).init({} as never)
    const held = (await db.beginTransaction()) as string
    const waiting = db.beginTransaction()
    await expect(waiting).rejects.toBeInstanceOf(DatabaseBusyError)
    await expect(waiting).rejects.toMatchObject({ status: 503, message: expect.stringContaining('数据库正忙') })
    await db.commitTransaction(held)
    const after = await db.beginTransaction()
    expect(after).toBeTruthy()
    await db.commitTransaction(after as string)
  })

  it('makes a write outside any transaction wait until the open one ends, and lets the open one write at once', async () => {
    const { adapter, state } = fakeAdapter()
    const db = serializeTransactions(adapter).init({} as never)
    const held = (await db.beginTransaction()) as string
    ;(db as unknown as { sessions: Record<string, unknown> }).sessions[held] = {}
    await db.create({ collection: 'themes', data: {}, req: { transactionID: held } })
    expect(state.writesDuringOpen).toBe(1)
    const outside = db.create({ collection: 'themes', data: {} })
    await tick()
    expect(state.writesDuringOpen).toBe(1)
    await db.commitTransaction(held)
    await outside
    expect(state.writesDuringOpen).toBe(1)
  })
})
