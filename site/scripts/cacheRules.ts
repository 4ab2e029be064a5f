// The site's cache rules (issue 18), for the site's own server and, as documented in docs/video.md and
// docs/deployment.md, for a CDN, nginx or a static host's `_headers` file. Kept free of imports so the
// offline pack's bundle of staticServer.ts carries them too.

/** Files whose name changes whenever their content does: any cache may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Pages, feeds, playlists and the search index: a browser asks again on every
 * use (a 304 when unchanged), a CDN may answer for a minute before it asks the origin.
 */
export const SHORT_REVALIDATED = 'public, max-age=0, s-maxage=60, must-revalidate'

/** Uploads whose names do not change with their content (captions, older unversioned ladders): a day. */
export const MEDIA_DAY = 'public, max-age=86400'

/** The service worker and its registration, answers with nothing (404): always asked again, never kept by a CDN. */
export const NO_CACHE = 'no-cache'

/**
 * A segment, init segment or poster inside a versioned ladder folder,
 * `/media/hls/<video id>/<16 hex digits>/…` (cms/src/video/ladderVersion.ts:
 * the folder is named after a hash of the ladder's files).
 */
const VERSIONED_LADDER_FILE = /^\/media\/hls\/[^/]+\/[0-9a-f]{16}\/.+\.(?:m4s|mp4|jpg)$/

/**
 * A term shard or display bucket of the browser's search index, in the
 * folder named after a hash of the parts' bytes
 * (`search-index/<16 hex digits>/…`, search/src/sharded/writeShardedIndex.ts),
 * in either script's copy.
 */
const SEARCH_INDEX_PART = /\/search-index\/[0-9a-f]{16}\/(?:terms|docs)\/\d+\.js$/

/** The search index's manifest: the one file that names the parts' folder, so it must be seen fresh. */
const SEARCH_INDEX_MANIFEST = /\/search-index\/manifest\.js$/

/** Pages and data a parent's browser must see fresh: HTML, feeds, calendars, the search index, sitemaps, robots. */
const SHORT_LIVED = /(?:\/|\.html|\.json|\.xml|\.ics|\.txt|\.m3u8|\.webmanifest)$/

/** The Cache-Control header for a normalized request path. */
export function cacheControlFor(urlPath: string): string {
  // Hashed assets (Vite's) never change under their name.
  if (urlPath.startsWith('/_astro/')) return IMMUTABLE
  if (urlPath === '/sw.js' || urlPath === '/sw-register.js') return NO_CACHE
  if (VERSIONED_LADDER_FILE.test(urlPath)) return IMMUTABLE
  if (SEARCH_INDEX_PART.test(urlPath)) return IMMUTABLE
  if (SEARCH_INDEX_MANIFEST.test(urlPath)) return SHORT_REVALIDATED
  // Playlists stay short even in a versioned folder: they are what a player asks for first, and tiny.
  if (SHORT_LIVED.test(urlPath)) return SHORT_REVALIDATED
  if (urlPath.startsWith('/media/')) return MEDIA_DAY
  return NO_CACHE
}
