import { cmsSettings } from '../env/settings'

/** The collections that take file uploads, each with its own size limit. */
export type UploadCollectionSlug = 'media' | 'captions' | 'videos'

/**
 * The largest file each upload collection accepts, in bytes: images and PDFs
 * (`GONGYU_MAX_MEDIA_BYTES`, default 20 MB), WebVTT captions
 * (`GONGYU_MAX_CAPTION_BYTES`, default 1 MB) and videos (`GONGYU_MAX_VIDEO_BYTES`).
 */
export function uploadLimits(env: NodeJS.ProcessEnv = process.env): Record<UploadCollectionSlug, number> {
  return cmsSettings(env).uploadLimits
}

/** The file-size limit of an upload collection, or undefined for a collection that takes no files. */
export function uploadLimitFor(slug: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const limits = uploadLimits(env)
  return Object.hasOwn(limits, slug) ? limits[slug as UploadCollectionSlug] : undefined
}
