import type { CollectionAfterDeleteHook } from 'payload'
import { hlsDirectory } from '../../env/paths'
import { removeLadders } from '../ladderStorage'

/** Deletes a deleted video's HLS folder (and its ladders in the bucket), so the site build stops copying it. */
export const removeVideoRenditions: CollectionAfterDeleteHook = async ({ id }) => {
  const folder = String(id)
  if (!/^[A-Za-z0-9_-]+$/.test(folder)) return
  await removeLadders(hlsDirectory(), folder)
}
