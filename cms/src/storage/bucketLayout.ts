import { MEDIA_URL_PREFIX } from '@gongyu/contract'

/**
 * Where each kind of file lives in the bucket. The ladders sit where the site
 * serves them (`/media/hls/…` → `media/hls/…`), so a bucket that serves the
 * published site (`npm run publish:site`) serves them too; uploads and the
 * export sit under prefixes the site never publishes or deletes.
 */
export const BUCKET_PREFIX = {
  media: 'uploads/media/',
  videos: 'uploads/videos/',
  captions: 'uploads/captions/',
  hls: MEDIA_URL_PREFIX.hls.slice(1),
  // Copies of the caption files published videos use, where the site serves them (the uploads stay private).
  publicCaptions: MEDIA_URL_PREFIX.captions.slice(1),
  export: 'export/',
} as const
