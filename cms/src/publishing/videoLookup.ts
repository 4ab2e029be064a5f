import type { Payload } from 'payload'
import type { PublicVideo } from '@gongyu/search/record'

/**
 * Finds the playable form of a micro-lesson's video. Videos become playable
 * once transcoding to HLS is done; until then a micro-lesson has no video.
 */
export async function videoLookup(_payload: Payload): Promise<(video: unknown, captions: unknown) => PublicVideo | null> {
  return () => null
}
