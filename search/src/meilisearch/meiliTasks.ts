import type { EnqueuedTaskPromise, Task } from 'meilisearch'
import { MeiliTaskError } from './MeiliTaskError.ts'

/** How long to wait for one indexing task; the client's default (5 s) is too short for a full reindex. */
export const TASK_TIMEOUT_MS = 120_000

/** Waits for a task and throws unless it succeeded: a failed task does not throw by itself. */
export async function succeeded(enqueued: EnqueuedTaskPromise, timeout = TASK_TIMEOUT_MS): Promise<Task> {
  const task = await enqueued.waitTask({ timeout })
  if (task.status !== 'succeeded') throw new MeiliTaskError(task.uid, task.status, task.error?.code, task.error?.message)
  return task
}
