import type { Payload } from 'payload'
import { mediaUrl, type PublicVideo } from '@gongyu/contract'
import type { Caption, Video } from '../payload-types'

type Id = string | number

function idOf(value: unknown): Id | undefined {
  if (value && typeof value === 'object') return (value as { id?: Id }).id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

/**
 * Finds the playable form of a micro-lesson's video: only videos whose
 * transcoding finished (`ready`) become playable; until then a
 * micro-lesson has no video. Read anonymously, like everything public.
 */
export async function videoLookup(payload: Payload): Promise<(video: unknown, captions: unknown) => PublicVideo | null> {
  const videos = await payload.find({
    collection: 'videos',
    where: { transcodeStatus: { equals: 'ready' } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  const captions = await payload.find({ collection: 'captions', limit: 0, pagination: false, depth: 0, overrideAccess: false })
  const videoById = new Map<Id, Video>(videos.docs.map((video) => [video.id, video]))
  const captionById = new Map<Id, Caption>(captions.docs.map((caption) => [caption.id, caption]))
  return (videoValue, captionsValue) => {
    const video = videoById.get(idOf(videoValue) as Id)
    if (!video?.masterPlaylist || !video.durationSeconds) return null
    const caption = captionById.get(idOf(captionsValue) as Id)
    return {
      master: mediaUrl('hls', video.masterPlaylist),
      audio: video.audioPlaylist ? mediaUrl('hls', video.audioPlaylist) : null,
      poster: video.posterPath ? mediaUrl('hls', video.posterPath) : null,
      captions: caption?.filename ? mediaUrl('captions', caption.filename) : null,
      durationSeconds: video.durationSeconds,
      width: video.width ?? 0,
      height: video.height ?? 0,
      renditions: (video.renditions ?? [])
        .map((rendition) => ({ name: rendition.name, height: rendition.height, bandwidth: rendition.bandwidth, bytes: rendition.bytes }))
        .sort((a, b) => a.bandwidth - b.bandwidth),
      audioBytes: video.audioPlaylist ? (video.audioBytes ?? null) : null,
      audioInRenditions: video.audioInRenditions === true,
    }
  }
}
