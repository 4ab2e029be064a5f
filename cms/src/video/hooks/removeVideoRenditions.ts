import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionAfterDeleteHook } from 'payload'
import { hlsDirectory } from '../../env/paths'

/** Deletes a deleted video's HLS folder, so the site build stops copying it. */
export const removeVideoRenditions: CollectionAfterDeleteHook = async ({ id }) => {
  const folder = String(id)
  if (!/^[A-Za-z0-9_-]+$/.test(folder)) return
  await rm(path.join(hlsDirectory(), folder), { recursive: true, force: true })
}
